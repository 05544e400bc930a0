// A hashtag's category: the vertical shared by most of the distinct active accounts that posted
// it in [from, to) (ties to the alphabetically first); null when none of them has a vertical.
UNWIND $tags AS tag
CALL (tag) {
  MATCH (th:TagHour {tag: tag})
  WHERE th.hour >= datetime($from) AND th.hour < datetime($to)
  MATCH (a:Account)-[:POSTED_TAG_IN]->(th)
  WHERE coalesce(a.active, true) AND a.vertical IS NOT NULL
  WITH DISTINCT a
  WITH a.vertical AS vertical, count(a) AS accounts
  ORDER BY accounts DESC, vertical ASC
  RETURN collect(vertical)[0] AS category
}
RETURN tag, category
