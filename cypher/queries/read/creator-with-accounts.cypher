// One creator and its accounts by platform, in one statement: `creator(id)` asking for accounts
// would otherwise cost two round trips (creators-by-ids, then accounts-by-creators). The account
// projection is accounts-by-creators' (the served Account properties, test/graph/shapes.test.ts),
// the creator's the creator pages' (served properties, times as epoch milliseconds: graph/times.ts).
// With the creator's first $postsTake posts across its accounts when the client asks for a plain
// first page of them (projected and ordered as posts-by-creators); null $postsTake reads none.
MATCH (c:Creator {id: $id})
CALL (c) {
  MATCH (c)-[:HAS_ACCOUNT]->(a:Account)
  WITH a ORDER BY a.platform
  RETURN collect(a {
    .id, .platform, .platformUserId, .username, .usernameLower, .displayName, .bio, .bioLink, .avatarUrl, .secUid, .verified,
    .followers, .following, .hearts, .postCount, .active,
    fetchedAt: a.fetchedAt.epochMillis, lastPostAt: a.lastPostAt.epochMillis, deactivatedAt: a.deactivatedAt.epochMillis
  }) AS accounts
}
RETURN c {.id, .displayName, .active, .tracked, .tier, .backfilled,
          lastPostAt: c.lastPostAt.epochMillis, createdAt: c.createdAt.epochMillis, updatedAt: c.updatedAt.epochMillis} AS creator,
       accounts,
       CASE WHEN $postsTake IS NULL THEN null ELSE COLLECT {
         MATCH (c)-[:HAS_ACCOUNT]->(a:Account)-[:POSTED]->(p:Post) WHERE coalesce(p.removed, false) = false
         WITH a, p ORDER BY p.createdAt DESC, p.id DESC LIMIT toInteger($postsTake)
         RETURN p {
           .id, .platform, .platformPostId, .url, .text, .views, .likes, .comments, .shares, .quotes, .bookmarks, .engagement,
           createdAt: p.createdAt.epochMillis, authorId: a.id, at: toString(p.createdAt)
         }
       } END AS posts
