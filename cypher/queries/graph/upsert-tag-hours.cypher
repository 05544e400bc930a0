// Hourly hashtag rollup, kept by the post write path. Rows: {key, tag, platform, hour, accountId, at}
// (one per account, tag, platform and UTC hour; `at` the account's earliest post there). The
// account-to-hour edge makes "each creator once per hour" a MERGE, so writing the same posts
// again changes nothing; the hour's count and first post time are then recounted from its edges
// (active accounts only), never incremented, so the rollup cannot drift from the posts.
// Each touched hour is then copied into its day's (:TagDay) slot (what the trend reads take).
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
WITH th.platform + '|' + th.tag + '|' + toString(date(th.hour)) AS dayKey, th.tag AS tag, th.platform AS platform,
     datetime.truncate('day', th.hour) AS day,
     collect({h: th.hour.hour, c: creators, f: CASE WHEN creators > 0 THEN firstAt.epochMillis ELSE 0 END}) AS hs
// Days in key order, so concurrent batches lock them in the same order.
ORDER BY dayKey
MERGE (d:TagDay {key: dayKey})
  ON CREATE SET d.platform = platform, d.day = day, d.counts = [i IN range(0, 23) | 0], d.firsts = [i IN range(0, 23) | 0]
// Writing first takes the day's lock, so the slots below are read after any concurrent writer of
// the same day committed (no lost update of its hours).
SET d.tag = tag
SET d.counts = [i IN range(0, 23) | coalesce(head([x IN hs WHERE x.h = i | x.c]), d.counts[i])],
    d.firsts = [i IN range(0, 23) | coalesce(head([x IN hs WHERE x.h = i | x.f]), d.firsts[i])]
SET d.total = reduce(s = 0, c IN d.counts | s + c)
RETURN count(d) AS days
