// Daily hashtag rollup (issue 10): one (:TagDay) per hashtag, platform and UTC day carrying the
// day's 24 hourly counts (`counts`: distinct active accounts per hour) and first-post times
// (`firsts`: epoch ms, 0 for an empty hour), copied from its (:TagHour)s. The trend reads take a
// 30-day window as about 16x fewer rows than hours (graph/trend-rollup.ts says why). Keyed
// "<PLATFORM>|<tag>|<YYYY-MM-DD>".
CREATE CONSTRAINT tag_day_key IF NOT EXISTS FOR (d:TagDay) REQUIRE d.key IS UNIQUE;
CREATE INDEX tag_day_day IF NOT EXISTS FOR (d:TagDay) ON (d.day);
CREATE INDEX tag_day_tag IF NOT EXISTS FOR (d:TagDay) ON (d.tag);
// Upgrades a graph that already holds the hourly rollup: every day rebuilt from its hours (an
// overwrite, so running it again changes nothing).
MATCH (th:TagHour)
WITH th.platform + '|' + th.tag + '|' + toString(date(th.hour)) AS key, th.tag AS tag, th.platform AS platform,
     datetime.truncate('day', th.hour) AS day,
     collect({h: th.hour.hour, c: coalesce(th.creators, 0), f: CASE WHEN coalesce(th.creators, 0) > 0 THEN th.firstAt.epochMillis ELSE 0 END}) AS hs
MERGE (d:TagDay {key: key})
  ON CREATE SET d.tag = tag, d.platform = platform, d.day = day
SET d.counts = [i IN range(0, 23) | coalesce(head([x IN hs WHERE x.h = i | x.c]), 0)],
    d.firsts = [i IN range(0, 23) | coalesce(head([x IN hs WHERE x.h = i | x.f]), 0)]
SET d.total = reduce(s = 0, c IN d.counts | s + c);
