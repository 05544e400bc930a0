// Keeps the summary of every chain the given posts belong to current, so amplificationChains can
// take the top chains from an index instead of expanding every chain of the graph. A chain root (a
// post that amplifies nothing and that some post amplifies) carries :ChainRoot and
//   chainEngagement     total engagement of the root and its first $maxPosts amplifiers in time
//                       order (the posts amplificationChains returns for it),
//   chainReach          hops of the longest path from the root,
//   chainCrossPlatform  whether those posts span both platforms,
// over the paths the read follows (up to 6 hops, none through a removed post). Called by the write
// path with every post a write changed (posts written, both ends of edges written or deleted, posts
// of accounts deactivated or back): the roots they reach are recomputed, and a post that stopped
// being a chain's root loses the summary. Each root is locked (chainCheckedAt) before its chain is
// read, so of two concurrent refreshes the later one reads what the earlier one's writes left.
// The same computation over every root is in migration 006_chain_roots (keep the two alike).
UNWIND $ids AS id
MATCH (p:Post {id: id})
CALL (p) {
  MATCH (p)-[:AMPLIFIED*0..6]->(r:Post)
  WHERE NOT EXISTS { (r)-[:AMPLIFIED]->(:Post) } AND (r:ChainRoot OR EXISTS { (r)<-[:AMPLIFIED]-(:Post) })
  RETURN r
  UNION
  WITH p WHERE p:ChainRoot
  RETURN p AS r
}
WITH DISTINCT r
ORDER BY r.id
SET r.chainCheckedAt = datetime()
WITH r
CALL (r) {
  OPTIONAL MATCH path = (r)<-[:AMPLIFIED*1..6]-(q:Post)
  WHERE NOT EXISTS { (r)-[:AMPLIFIED]->(:Post) } AND none(n IN nodes(path) WHERE coalesce(n.removed, false))
  WITH q, max(length(path)) AS d
  ORDER BY q.createdAt, q.id
  RETURN collect(q)[0..toInteger($maxPosts)] AS amps, coalesce(max(d), 0) AS reach
}
WITH r, [r] + amps AS posts, reach, size(amps) > 0 AS chain
FOREACH (_ IN CASE WHEN chain THEN [1] ELSE [] END |
  SET r:ChainRoot,
      r.chainEngagement = reduce(s = 0.0, p IN posts | s + coalesce(p.engagement, 0)),
      r.chainReach = reach,
      r.chainCrossPlatform = size([pl IN ['TIKTOK', 'X'] WHERE any(p IN posts WHERE p.platform = pl)]) > 1)
FOREACH (_ IN CASE WHEN chain THEN [] ELSE [1] END |
  REMOVE r:ChainRoot, r.chainEngagement, r.chainReach, r.chainCrossPlatform, r.chainCheckedAt)
RETURN count(r) AS roots
