// Amplification chains, one statement for a whole request. A chain is a root post (it amplifies
// nothing) and every post that amplifies it, transitively over AMPLIFIED, up to 6 hops. Posts of
// inactive (deleted, suspended) accounts are left out, and so is whatever reached the chain only
// through them. Each group ({key, creatorIds}) gets its own top $first chains by total engagement:
// creatorIds null means every chain, otherwise chains some post of those creators is part of.
// $since filters on the root's time; $minDepth is hops on the longest path from the root.
UNWIND $groups AS g
CALL (g) {
  CALL (g) {
    WITH g WHERE g.creatorIds IS NULL
    MATCH (root:Post)<-[:AMPLIFIED]-(:Post)
    WHERE ($since IS NULL OR root.createdAt >= datetime($since))
      AND NOT EXISTS { (root)-[:AMPLIFIED]->(:Post) }
    RETURN DISTINCT root
    UNION
    WITH g WHERE g.creatorIds IS NOT NULL
    UNWIND g.creatorIds AS cid
    MATCH (:Creator {id: cid})-[:HAS_ACCOUNT]->(:Account)-[:POSTED]->(p:Post)
    MATCH (p)-[:AMPLIFIED*0..6]->(root:Post)
    WHERE ($since IS NULL OR root.createdAt >= datetime($since))
      AND NOT EXISTS { (root)-[:AMPLIFIED]->(:Post) }
      AND EXISTS { (root)<-[:AMPLIFIED]-(:Post) }
    RETURN DISTINCT root
  }
  WITH root
  WHERE NOT coalesce(root.removed, false)
    // Cheap pre-filters before a chain is expanded: some post on the other platform (exact check
    // below), and a path as deep as asked without inactive accounts' posts.
    AND (NOT $crossPlatformOnly OR EXISTS { MATCH (root)<-[:AMPLIFIED*1..6]-(q:Post) WHERE q.platform <> root.platform })
    AND EXISTS {
      MATCH path = (root)<-[:AMPLIFIED*1..6]-(:Post)
      WHERE length(path) >= $minDepth AND none(n IN nodes(path) WHERE coalesce(n.removed, false))
    }
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
