// Amplification chains, one statement for a whole request. A chain is a root post (it amplifies
// nothing) and every post that amplifies it, transitively over AMPLIFIED, up to 6 hops. Posts of
// inactive (deleted, suspended) accounts are left out, and so is whatever reached the chain only
// through them. Each group ({key, creatorIds, postIds}) gets its own top $first chains by total
// engagement: every chain when both are null; with creatorIds, chains some post of those creators
// is part of; with postIds (a campaign's posts), chains one of those posts is part of.
// $since filters on the root's time; $minDepth is hops on the longest path from the root.
// Roots are found through the summary the write path keeps on them (:ChainRoot, chainEngagement,
// chainReach, chainCrossPlatform; see graph/refresh-chain-roots), so only the $first best chains of
// a group that pass the filters are expanded, never every chain of the graph.
UNWIND $groups AS g
CALL (g) {
  CALL (g) {
    WITH g WHERE g.creatorIds IS NULL AND g.postIds IS NULL
    MATCH (root:ChainRoot)
    WHERE root.chainEngagement IS NOT NULL
      AND root.chainReach >= $minDepth
      AND (NOT $crossPlatformOnly OR root.chainCrossPlatform)
      AND ($since IS NULL OR root.createdAt >= datetime($since))
    RETURN root
    ORDER BY root.chainEngagement DESC, root.id
    LIMIT toInteger($first)
    UNION
    WITH g WHERE g.creatorIds IS NOT NULL OR g.postIds IS NOT NULL
    CALL (g) {
      WITH g WHERE g.creatorIds IS NOT NULL
      UNWIND g.creatorIds AS cid
      MATCH (:Creator {id: cid})-[:HAS_ACCOUNT]->(:Account)-[:POSTED]->(p:Post)
      RETURN p
      UNION
      WITH g WHERE g.postIds IS NOT NULL
      UNWIND g.postIds AS pid
      MATCH (p:Post {id: pid})
      RETURN p
    }
    MATCH (p)-[:AMPLIFIED*0..6]->(root:ChainRoot)
    WITH DISTINCT root
    WHERE root.chainReach >= $minDepth
      AND (NOT $crossPlatformOnly OR root.chainCrossPlatform)
      AND ($since IS NULL OR root.createdAt >= datetime($since))
    RETURN root
    ORDER BY root.chainEngagement DESC, root.id
    LIMIT toInteger($first)
  }
  // The summary says which roots head the best chains; the chain itself is read again here, and a
  // root that stopped being one since (an edge written after it, not yet refreshed) is left out.
  WITH root
  WHERE NOT coalesce(root.removed, false) AND NOT EXISTS { (root)-[:AMPLIFIED]->(:Post) }
  CALL (root) {
    MATCH path = (root)<-[:AMPLIFIED*1..6]-(p:Post)
    WHERE none(n IN nodes(path) WHERE coalesce(n.removed, false))
    WITH p, max(length(path)) AS d
    ORDER BY p.createdAt, p.id
    LIMIT toInteger($maxPosts)
    RETURN collect(p) AS amps, max(d) AS depth
  }
  WITH root, [root] + amps AS posts, depth
  WITH root, posts, depth,
       reduce(s = 0.0, p IN posts | s + coalesce(p.engagement, 0)) AS total,
       [pl IN ['TIKTOK', 'X'] WHERE any(p IN posts WHERE p.platform = pl)] AS platforms
  WHERE (NOT $crossPlatformOnly OR size(platforms) > 1)
  ORDER BY total DESC, root.id
  LIMIT toInteger($first)
  RETURN root, posts, depth, total, platforms
}
WITH g, root, posts, depth, total, platforms
CALL (posts) {
  UNWIND posts AS p
  MATCH (p)-[x:AMPLIFIED]->(s:Post)
  WHERE s IN posts
  RETURN collect(x {.kind, .lagSeconds, .confidence, amplifierId: p.id, sourceId: s.id}) AS links
}
RETURN g.key AS key,
       root.id AS rootId,
       [p IN posts | p.id] AS postIds,
       links,
       depth,
       total AS totalEngagement,
       platforms,
       [pl IN platforms | {platform: pl,
                           posts: size([p IN posts WHERE p.platform = pl]),
                           engagement: reduce(s = 0.0, p IN posts | s + CASE WHEN p.platform = pl THEN coalesce(p.engagement, 0) ELSE 0 END)}] AS byPlatform,
       duration.inSeconds(root.createdAt, reduce(m = root.createdAt, p IN posts | CASE WHEN p.createdAt > m THEN p.createdAt ELSE m END)).seconds AS spanSeconds,
       [p IN posts | head([(c:Creator)-[:HAS_ACCOUNT]->(:Account)-[:POSTED]->(p) | c.id])] AS creatorIds
ORDER BY key, totalEngagement DESC, rootId
