// Each creator's accounts, by platform. Projects the served Account properties (AccountView in
// src/graph/shapes.ts; test/graph/shapes.test.ts holds this list to it) instead of `a {.*}`: the
// driver decodes every DateTime it receives with its 64-bit Integer arithmetic, and an account also
// stores createdAt, updatedAt, backfilledAt and backfilledSince that no reader of this needs.
// usernameLower is a lookup key, not served: the reach band compares it (graph/reach.ts).
UNWIND $ids AS id
MATCH (c:Creator {id: id})-[:HAS_ACCOUNT]->(a:Account)
WITH id, a ORDER BY a.platform
RETURN id, collect(a {
  .id, .platform, .platformUserId, .username, .usernameLower, .displayName, .bio, .bioLink, .avatarUrl, .secUid, .verified,
  .followers, .following, .hearts, .postCount, .active,
  fetchedAt: a.fetchedAt.epochMillis, lastPostAt: a.lastPostAt.epochMillis, deactivatedAt: a.deactivatedAt.epochMillis
}) AS accounts
