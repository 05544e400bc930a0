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
  // The served Post properties (PostRow), createdAt as epoch milliseconds (graph/times.ts), not
  // properties(p) with its unserved DateTimes (fetchedAt, updatedAt, firstSeenAt).
  RETURN collect(p {
    .id, .platform, .platformPostId, .url, .text, .views, .likes, .comments, .shares, .quotes, .bookmarks, .engagement,
    createdAt: p.createdAt.epochMillis, authorId: a.id, at: toString(p.createdAt)
  }) AS posts
}
RETURN id, posts
