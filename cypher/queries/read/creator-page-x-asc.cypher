// A page of creators by X followers, ascending: keyset pagination on the stored order key
// (src/graph/order-keys.ts), a range seek read in index order from the cursor's key ($after), so a
// page costs the creators walked to fill it, not the whole set. Filters apply while walking; the
// search filter has its own statement (creator-page-search-*). $skip serves old offset cursors.
MATCH (c:Creator)
WHERE c.orderX > $after
  AND ($active IS NULL OR c.active = $active)
  AND ($includeUnbackfilled OR c.backfilled)
  AND ($tracked IS NULL OR c.tracked = $tracked)
  AND ($minReach IS NULL OR c.reachHigh >= $minReach)
  AND ($platforms IS NULL OR all(p IN $platforms WHERE p IN c.platforms))
  AND ($matchStatuses IS NULL OR EXISTS {
    MATCH (c)-[:HAS_ACCOUNT]->(:Account)-[m:MATCHED_TO]-(:Account) WHERE m.status IN $matchStatuses
  })
WITH c ORDER BY c.orderX ASC SKIP toInteger($skip) LIMIT toInteger($take)
// The page's accounts when the client asks for them, by platform, each as the list of its
// $accountKeys' values (the columns the client's selection needs, graph/account-columns.ts), then a list of its first $postsTake posts when the client asks for a
// plain first page of them (each post as posts-by-accounts returns it, $keys its selected
// properties), so a page with its accounts' latest posts is one statement. CALL subqueries, not
// COLLECT expressions in RETURN: Neo4j spent ~20% more CPU on those (measured, see the README).
CALL (c) {
  WITH c WHERE $withAccounts
  MATCH (c)-[:HAS_ACCOUNT]->(a:Account)
  WITH a ORDER BY a.platform
  CALL (a) {
    // Filtered before the expand, so a page without posts walks none.
    WITH a WHERE $postsTake IS NOT NULL
    MATCH (a)-[:POSTED]->(p:Post) WHERE coalesce(p.removed, false) = false
    WITH p ORDER BY p.createdAt DESC, p.id DESC LIMIT toInteger(coalesce($postsTake, 0))
    RETURN collect([toString(p.createdAt), p.id, a.id] + [k IN $keys | CASE k WHEN 'createdAt' THEN p.createdAt.epochMillis ELSE p[k] END]) AS posts
  }
  RETURN collect([k IN $accountKeys | CASE k WHEN 'fetchedAt' THEN a.fetchedAt.epochMillis WHEN 'lastPostAt' THEN a.lastPostAt.epochMillis
    WHEN 'deactivatedAt' THEN a.deactivatedAt.epochMillis ELSE a[k] END] + [posts]) AS accounts
}
// The served Creator properties only (CreatorRow), times as epoch milliseconds (graph/times.ts):
// `c {.*}` also carried the order keys, search text and unserved DateTimes, and the driver's
// decoding of each DateTime was the largest share of our CPU per page.
RETURN c {.id, .displayName, .active, .tracked, .tier, .backfilled,
          lastPostAt: c.lastPostAt.epochMillis, createdAt: c.createdAt.epochMillis, updatedAt: c.updatedAt.epochMillis} AS creator,
       c.orderX AS key, accounts
// The page's order (the walk's; the CALLs keep it, so no sort is planned: test/graph/order-keys.test.ts).
ORDER BY key ASC
