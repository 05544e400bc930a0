// One creator and its accounts by platform, in one statement: `creator(id)` asking for accounts
// would otherwise cost two round trips (creators-by-ids, then accounts-by-creators). Each account
// is accounts-by-creators' list of its $accountKeys' values (graph/account-columns.ts),
// the creator's the creator pages' (served properties, times as epoch milliseconds: graph/times.ts).
// With the creator's first $postsTake posts across its accounts when the client asks for a plain
// first page of them (returned and ordered as posts-by-creators, $keys the selected properties);
// null $postsTake reads none.
MATCH (c:Creator {id: $id})
CALL (c) {
  MATCH (c)-[:HAS_ACCOUNT]->(a:Account)
  WITH a ORDER BY a.platform
  RETURN collect([k IN $accountKeys | CASE k WHEN 'fetchedAt' THEN a.fetchedAt.epochMillis WHEN 'lastPostAt' THEN a.lastPostAt.epochMillis
    WHEN 'deactivatedAt' THEN a.deactivatedAt.epochMillis ELSE a[k] END]) AS accounts
}
// A CALL subquery, not a COLLECT expression in RETURN: Neo4j evaluated the latter as a nested
// expression plan and spent ~10% more CPU on this statement (measured, see the README).
CALL (c) {
  // Filtered before the expand, so creator(id) without posts walks none.
  WITH c WHERE $postsTake IS NOT NULL
  MATCH (c)-[:HAS_ACCOUNT]->(a:Account)-[:POSTED]->(p:Post) WHERE coalesce(p.removed, false) = false
  WITH a, p ORDER BY p.createdAt DESC, p.id DESC LIMIT toInteger(coalesce($postsTake, 0))
  RETURN collect([toString(p.createdAt), p.id, a.id] + [k IN $keys | CASE k WHEN 'createdAt' THEN p.createdAt.epochMillis ELSE p[k] END]) AS posts
}
RETURN c {.id, .displayName, .active, .tracked, .tier, .backfilled,
          lastPostAt: c.lastPostAt.epochMillis, createdAt: c.createdAt.epochMillis, updatedAt: c.updatedAt.epochMillis} AS creator,
       accounts, CASE WHEN $postsTake IS NULL THEN null ELSE posts END AS posts
