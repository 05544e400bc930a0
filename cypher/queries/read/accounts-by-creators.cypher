// Each creator's accounts, by platform. Projects served Account properties only (AccountView in
// src/graph/shapes.ts; test/graph/shapes.test.ts holds the full list to it) instead of `a {.*}`: the
// driver decodes every DateTime it receives with its 64-bit Integer arithmetic, and an account also
// stores createdAt, updatedAt, backfilledAt and backfilledSince that no reader of this needs.
// usernameLower is a lookup key, not served: the reach band compares it (graph/reach.ts).
UNWIND $ids AS id
MATCH (c:Creator {id: id})-[:HAS_ACCOUNT]->(a:Account)
WITH id, a ORDER BY a.platform
// Each account as the list of its $accountKeys' values, the columns the reader needs (names from
// graph/account-columns.ts's allow-list; no key strings to decode, no column nobody asked for).
RETURN id, collect([k IN $accountKeys | CASE k WHEN 'fetchedAt' THEN a.fetchedAt.epochMillis WHEN 'lastPostAt' THEN a.lastPostAt.epochMillis
  WHEN 'deactivatedAt' THEN a.deactivatedAt.epochMillis ELSE a[k] END]) AS accounts
