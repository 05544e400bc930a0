// A page of each creator's posts across its accounts (optionally one platform), newest first,
// keyset from the cursor's ($afterAt, $afterId) as posts-by-accounts: a top-k per creator, no
// collect of all its posts, and no total (its own statement, run only when asked).
UNWIND $ids AS id
MATCH (c:Creator {id: id})
CALL (c) {
  MATCH (c)-[:HAS_ACCOUNT]->(a:Account)-[:POSTED]->(p:Post)
  WHERE ($platform IS NULL OR a.platform = $platform)
    AND ($since IS NULL OR p.createdAt >= datetime($since)) AND ($until IS NULL OR p.createdAt < datetime($until))
    AND coalesce(p.removed, false) = false
    AND ($afterAt IS NULL OR p.createdAt < datetime($afterAt) OR (p.createdAt = datetime($afterAt) AND p.id < $afterId))
  WITH a, p ORDER BY p.createdAt DESC, p.id DESC SKIP toInteger($skip) LIMIT toInteger($take)
  // Each post as a list (graph/read.ts pagedPost): its exact stored time, id and author, then the
  // values of $keys, the served properties the client selected (createdAt as epoch milliseconds,
  // graph/times.ts); not properties(p), whose unserved DateTimes and keys the driver decoded per post.
  RETURN collect([toString(p.createdAt), p.id, a.id] + [k IN $keys | CASE k WHEN 'createdAt' THEN p.createdAt.epochMillis ELSE p[k] END]) AS posts
}
RETURN id, posts
