// A brand's corner of the graph as edges: its accounts, their posts (since $since), the posts'
// hashtags, the posts that amplified them or mentioned the accounts, those posts' authors and
// the authors' creators. UNION ALL branches may repeat an edge; the caller dedupes by edge id.
MATCH (b:Brand {id: $brandId})
OPTIONAL MATCH (b)-[:OWNS]->(a:Account)
WITH b, collect(a) AS owned
CALL (owned) {
  UNWIND owned AS a
  MATCH (a)-[:POSTED]->(p:Post)
  WHERE $since IS NULL OR p.createdAt >= datetime($since)
  RETURN collect(p) AS posts
}
CALL (b, owned, posts) {
  UNWIND owned AS a
  RETURN b AS src, a AS dst, 'OWNS' AS type, null AS weight, null AS kind
  UNION ALL
  UNWIND posts AS p
  MATCH (a:Account)-[:POSTED]->(p)
  RETURN a AS src, p AS dst, 'POSTED' AS type, p.engagement AS weight, null AS kind
  UNION ALL
  UNWIND posts AS p
  MATCH (p)-[:TAGGED]->(h:Hashtag)
  RETURN p AS src, h AS dst, 'TAGGED' AS type, null AS weight, null AS kind
  UNION ALL
  UNWIND posts AS p
  MATCH (qa:Account)-[:POSTED]->(q:Post)-[r:AMPLIFIED]->(p)
  UNWIND [[q, p, 'AMPLIFIED', r.confidence, r.kind], [qa, q, 'POSTED', q.engagement, null]] AS e
  RETURN e[0] AS src, e[1] AS dst, e[2] AS type, e[3] AS weight, e[4] AS kind
  UNION ALL
  UNWIND owned AS a
  MATCH (qa:Account)-[:POSTED]->(q:Post)-[:MENTIONS]->(a)
  WHERE $since IS NULL OR q.createdAt >= datetime($since)
  UNWIND [[q, a, 'MENTIONS', null, null], [qa, q, 'POSTED', q.engagement, null]] AS e
  RETURN e[0] AS src, e[1] AS dst, e[2] AS type, e[3] AS weight, e[4] AS kind
}
WITH owned, src, dst, type, weight, kind
OPTIONAL MATCH (c:Creator)-[:HAS_ACCOUNT]->(src)
WHERE type = 'POSTED' AND NOT src IN owned
WITH src, dst, type, weight, kind, c
UNWIND CASE WHEN c IS NULL THEN [[src, dst, type, weight, kind]] ELSE [[src, dst, type, weight, kind], [c, src, 'HAS_ACCOUNT', null, null]] END AS e
WITH e[0] AS s, e[1] AS d, e[2] AS type, e[3] AS weight, e[4] AS kind
RETURN s {.id, .tag, .name, .displayName, .username, .platform, .engagement, .followers, .reachHigh, text: left(s.text, 80), labels: labels(s)} AS src,
       d {.id, .tag, .name, .displayName, .username, .platform, .engagement, .followers, .reachHigh, text: left(d.text, 80), labels: labels(d)} AS dst,
       type, weight, kind
