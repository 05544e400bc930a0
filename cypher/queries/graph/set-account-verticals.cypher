// An account's vertical: the one whose everyday hashtags ($verticalOf: tag -> vertical) it uses
// most across its posts; ties go to the alphabetically first; null when it uses none of them.
UNWIND $ids AS id
MATCH (a:Account {id: id})
CALL (a) {
  OPTIONAL MATCH (a)-[:POSTED]->(:Post)-[:TAGGED]->(h:Hashtag)
  WHERE h.tag IN $tags
  WITH $verticalOf[h.tag] AS vertical, count(h) AS uses
  ORDER BY uses DESC, vertical ASC
  RETURN collect(vertical)[0] AS vertical
}
SET a.vertical = vertical
RETURN count(a) AS accounts
