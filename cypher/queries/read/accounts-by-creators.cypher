// Each creator's accounts, by platform. Projects the served Account properties (AccountView in
// src/graph/shapes.ts; test/graph/shapes.test.ts holds this list to it) instead of `a {.*}`: the
// driver decodes every DateTime it receives with its 64-bit Integer arithmetic, and an account also
// stores createdAt, updatedAt, backfilledAt and backfilledSince that no reader of this needs.
// usernameLower is a lookup key, not served: the reach band compares it (graph/reach.ts).
UNWIND $ids AS id
MATCH (c:Creator {id: id})-[:HAS_ACCOUNT]->(a:Account)
WITH id, a ORDER BY a.platform
// Each account as a list of values in graph/account-columns.ts's order (no key strings to decode).
RETURN id, collect([a.id, a.platform, a.platformUserId, a.username, a.usernameLower, a.displayName, a.bio, a.bioLink,
  a.avatarUrl, a.secUid, a.verified, a.followers, a.following, a.hearts, a.postCount, a.active,
  a.fetchedAt.epochMillis, a.lastPostAt.epochMillis, a.deactivatedAt.epochMillis]) AS accounts
