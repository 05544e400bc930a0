// One creator and its accounts by platform, in one statement: `creator(id)` asking for accounts
// would otherwise cost two round trips (creators-by-ids, then accounts-by-creators). The account
// projection is accounts-by-creators' (the served Account properties, test/graph/shapes.test.ts).
MATCH (c:Creator {id: $id})
CALL (c) {
  MATCH (c)-[:HAS_ACCOUNT]->(a:Account)
  WITH a ORDER BY a.platform
  RETURN collect(a {
    .id, .platform, .platformUserId, .username, .usernameLower, .displayName, .bio, .bioLink, .avatarUrl, .secUid, .verified,
    .followers, .following, .hearts, .postCount, .fetchedAt, .lastPostAt, .active, .deactivatedAt
  }) AS accounts
}
RETURN c {.*} AS creator, accounts
