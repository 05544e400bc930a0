// Hourly hashtag rollup, kept by the post write path. Rows: {key, tag, platform, hour, accountId, at}
// (one per account, tag, platform and UTC hour; `at` the account's earliest post there). The
// account-to-hour edge makes "each creator once per hour" a MERGE, so writing the same posts
// again changes nothing; the hour's count and first post time are then recounted from its edges
// (active accounts only), never incremented, so the rollup cannot drift from the posts.
UNWIND $rows AS r
MATCH (a:Account {id: r.accountId})
MERGE (th:TagHour {key: r.key})
  ON CREATE SET th.tag = r.tag, th.platform = r.platform, th.hour = datetime(r.hour)
MERGE (a)-[e:POSTED_TAG_IN]->(th)
  ON CREATE SET e.at = datetime(r.at)
  ON MATCH SET e.at = CASE WHEN datetime(r.at) < e.at THEN datetime(r.at) ELSE e.at END
WITH DISTINCT th
CALL (th) {
  MATCH (x:Account)-[e:POSTED_TAG_IN]->(th)
  WHERE coalesce(x.active, true)
  RETURN count(x) AS creators, min(e.at) AS firstAt
}
SET th.creators = creators, th.firstAt = firstAt
RETURN th.key AS key, th.creators AS creators
