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
  // The served Post properties (PostRow), createdAt as epoch milliseconds (graph/times.ts), not
  // properties(p) with its unserved DateTimes (fetchedAt, updatedAt, firstSeenAt).
  RETURN collect(p {
    .id, .platform, .platformPostId, .url, .text, .views, .likes, .comments, .shares, .quotes, .bookmarks, .engagement,
    createdAt: p.createdAt.epochMillis, authorId: a.id, at: toString(p.createdAt)
  }) AS posts
}
RETURN id, posts
