// Recounts the rollup hours an account posted in, after it went inactive or came back, so the
// hourly volumes count active accounts only.
UNWIND $ids AS id
MATCH (:Account {id: id})-[:POSTED_TAG_IN]->(th:TagHour)
WITH DISTINCT th
CALL (th) {
  MATCH (x:Account)-[e:POSTED_TAG_IN]->(th)
  WHERE coalesce(x.active, true)
  RETURN count(x) AS creators, min(e.at) AS firstAt
}
SET th.creators = creators, th.firstAt = firstAt
RETURN count(th) AS recounted
