// Analytics: chain roots carry their chain's summary (see cypher/queries/graph/refresh-chain-roots,
// which the write path runs for every post it changes), indexed by engagement so
// amplificationChains takes the top chains from the index. The last statement computes the summary
// of every chain already in the graph, exactly as refresh-chain-roots does (199 = MAX_CHAIN_POSTS - 1
// amplifiers, src/analytics/chains.ts).
CREATE INDEX chain_root_engagement IF NOT EXISTS FOR (p:ChainRoot) ON (p.chainEngagement);
MATCH (r:Post)
WHERE NOT EXISTS { (r)-[:AMPLIFIED]->(:Post) } AND EXISTS { (r)<-[:AMPLIFIED]-(:Post) }
CALL (r) {
  OPTIONAL MATCH path = (r)<-[:AMPLIFIED*1..6]-(q:Post)
  WHERE none(n IN nodes(path) WHERE coalesce(n.removed, false))
  WITH q, max(length(path)) AS d
  ORDER BY q.createdAt, q.id
  RETURN collect(q)[0..199] AS amps, coalesce(max(d), 0) AS reach
}
WITH r, [r] + amps AS posts, reach
WHERE size(amps) > 0
SET r:ChainRoot,
    r.chainCheckedAt = datetime(),
    r.chainEngagement = reduce(s = 0.0, p IN posts | s + coalesce(p.engagement, 0)),
    r.chainReach = reach,
    r.chainCrossPlatform = size([pl IN ['TIKTOK', 'X'] WHERE any(p IN posts WHERE p.platform = pl)]) > 1;
