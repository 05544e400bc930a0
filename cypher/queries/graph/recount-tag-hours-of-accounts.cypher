// Recounts the rollup hours an account posted in, after it went inactive or came back, so the
// hourly volumes count active accounts only; then copies them into their days' (:TagDay) slots.
UNWIND $ids AS id
MATCH (:Account {id: id})-[:POSTED_TAG_IN]->(th:TagHour)
WITH DISTINCT th
CALL (th) {
  MATCH (x:Account)-[e:POSTED_TAG_IN]->(th)
  WHERE coalesce(x.active, true)
  RETURN count(x) AS creators, min(e.at) AS firstAt
}
SET th.creators = creators, th.firstAt = firstAt
WITH th.platform + '|' + th.tag + '|' + toString(date(th.hour)) AS dayKey, th.tag AS tag, th.platform AS platform,
     datetime.truncate('day', th.hour) AS day,
     collect({h: th.hour.hour, c: creators, f: CASE WHEN creators > 0 THEN firstAt.epochMillis ELSE 0 END}) AS hs
ORDER BY dayKey
MERGE (d:TagDay {key: dayKey})
  ON CREATE SET d.platform = platform, d.day = day, d.counts = [i IN range(0, 23) | 0], d.firsts = [i IN range(0, 23) | 0]
SET d.tag = tag
SET d.counts = [i IN range(0, 23) | coalesce(head([x IN hs WHERE x.h = i | x.c]), d.counts[i])],
    d.firsts = [i IN range(0, 23) | coalesce(head([x IN hs WHERE x.h = i | x.f]), d.firsts[i])]
SET d.total = reduce(s = 0, c IN d.counts | s + c)
RETURN count(d) AS recounted
