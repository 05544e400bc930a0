// A page of each account's posts, newest first (createdAt, then id, descending), keyset from the
// cursor's ($afterAt, $afterId), first page $afterAt null. One statement for any number of
// accounts: the loader's batch. Each account keeps only its top $skip + $take (a top-k over its
// posts, not a collect of all of them); the total is its own statement, run only when asked.
// `at` is the exact stored time, for the next cursor. $skip serves old offset cursors.
UNWIND $ids AS id
MATCH (a:Account {id: id})
CALL (a) {
  MATCH (a)-[:POSTED]->(p:Post)
  WHERE ($since IS NULL OR p.createdAt >= datetime($since)) AND ($until IS NULL OR p.createdAt < datetime($until))
    AND coalesce(p.removed, false) = false
    AND ($afterAt IS NULL OR p.createdAt < datetime($afterAt) OR (p.createdAt = datetime($afterAt) AND p.id < $afterId))
  WITH p ORDER BY p.createdAt DESC, p.id DESC SKIP toInteger($skip) LIMIT toInteger($take)
  // Each post as a list (graph/read.ts pagedPost): its exact stored time, id and author, then the
  // values of $keys, the served properties the client selected (createdAt as epoch milliseconds,
  // graph/times.ts); not properties(p), whose unserved DateTimes and keys the driver decoded per post.
  RETURN collect([toString(p.createdAt), p.id, a.id] + [k IN $keys | CASE k WHEN 'createdAt' THEN p.createdAt.epochMillis ELSE p[k] END]) AS posts
}
RETURN id, posts
