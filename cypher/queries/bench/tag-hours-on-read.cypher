// The alternative to the maintained rollup: the same hourly volumes (distinct active accounts per
// hashtag, platform and hour over [from, to)) computed from the posts on every read. The trends
// benchmark times it against trends/tag-hours-in-range to justify the rollup.
MATCH (p:Post)
WHERE p.createdAt >= datetime($from) AND p.createdAt < datetime($to) AND coalesce(p.removed, false) = false
MATCH (a:Account)-[:POSTED]->(p)-[:TAGGED]->(h:Hashtag)
WITH h.tag AS tag, p.platform AS platform, p.createdAt.epochMillis / 3600000 AS hour, a, min(p.createdAt.epochMillis) AS first
WITH tag, platform, hour, count(a) AS creators, min(first) AS firstAt ORDER BY hour
RETURN tag, platform, collect(hour * 3600000) AS hours, collect(creators) AS counts, collect(firstAt) AS firsts
