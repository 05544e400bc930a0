// One page of the cross_platform_creators dimension, in canonical id order (keyset paging):
// each creator with its TikTok and X account and the match joining them, if any, or else a
// rejected match touching its accounts (so analysts see the reviewer said "not the same").
MATCH (c:Creator)
WHERE c.id > $after
WITH c ORDER BY c.id LIMIT toInteger($limit)
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_ACCOUNT]->(t:TikTokAccount)
  WITH t ORDER BY coalesce(t.active, true) DESC, t.followers DESC
  RETURN collect(t)[0] AS t
}
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_ACCOUNT]->(x:XAccount)
  WITH x ORDER BY coalesce(x.active, true) DESC, x.followers DESC
  RETURN collect(x)[0] AS x
}
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_ACCOUNT]->(:Account)-[m:MATCHED_TO]-(:Account)
  WHERE m.status IN ['AUTO', 'MANUAL', 'REJECTED']
  WITH m ORDER BY CASE m.status WHEN 'REJECTED' THEN 1 ELSE 0 END, m.updatedAt DESC
  RETURN collect(m {.status, .score, .reasons})[0] AS m
}
RETURN c.id AS canonicalId,
       c.displayName AS displayName,
       coalesce(c.active, true) AS active,
       c.reachLow AS reachLow,
       c.reachHigh AS reachHigh,
       c.updatedAt AS updatedAt,
       t {.platformUserId, .username, .secUid, .followers, .hearts, .lastPostAt, .active, .updatedAt} AS tiktok,
       x {.platformUserId, .username, .followers, .lastPostAt, .active, .updatedAt} AS x,
       m AS match
