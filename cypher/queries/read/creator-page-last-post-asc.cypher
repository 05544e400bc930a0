// A page of creators by last post time, ascending: keyset pagination on the stored order key
// (src/graph/order-keys.ts), a range seek read in index order from the cursor's key ($after), so a
// page costs the creators walked to fill it, not the whole set. Filters apply while walking; the
// search filter has its own statement (creator-page-search-*). $skip serves old offset cursors.
MATCH (c:Creator)
WHERE c.orderLastPost > $after
  AND ($active IS NULL OR c.active = $active)
  AND ($includeUnbackfilled OR c.backfilled)
  AND ($tracked IS NULL OR c.tracked = $tracked)
  AND ($minReach IS NULL OR c.reachHigh >= $minReach)
  AND ($platforms IS NULL OR all(p IN $platforms WHERE p IN c.platforms))
  // In a CASE, not an OR: an OR with EXISTS is planned as a SelectOrSemiApply around the walk,
  // which Neo4j ran for every page even without the filter; a CASE evaluates it only when asked.
  AND CASE WHEN $matchStatuses IS NULL THEN true ELSE EXISTS {
    MATCH (c)-[:HAS_ACCOUNT]->(:Account)-[m:MATCHED_TO]-(:Account) WHERE m.status IN $matchStatuses
  } END
WITH c ORDER BY c.orderLastPost ASC SKIP toInteger($skip) LIMIT toInteger($take)
// The page's accounts when the client asks for them, by platform, each as the list of its
// $accountKeys' values (the columns the client's selection needs, graph/account-columns.ts),
// then a list of its first $postsTake posts when the client asks for a plain first page of them
// (each post as posts-by-accounts returns it, $keys its selected properties), so a page with its
// accounts' latest posts is one statement. The accounts in a CALL
// subquery, not a COLLECT expression in RETURN (Neo4j spent ~20% more CPU on that, see the
// README); the posts as a COLLECT inside a CASE, evaluated only when asked: as a CALL it was an
// Apply with an aggregation per account on every page, posts or not (a page without posts cost
// Neo4j ~10% more; with posts the CASE costs ~3%: bench/api/statements.ts, notes in the README).
CALL (c) {
  WITH c WHERE $withAccounts
  MATCH (c)-[:HAS_ACCOUNT]->(a:Account)
  WITH a ORDER BY a.platform
  RETURN collect([k IN $accountKeys | CASE k WHEN 'fetchedAt' THEN a.fetchedAt.epochMillis WHEN 'lastPostAt' THEN a.lastPostAt.epochMillis
    WHEN 'deactivatedAt' THEN a.deactivatedAt.epochMillis ELSE a[k] END] + [CASE WHEN $postsTake IS NULL THEN null ELSE COLLECT {
      MATCH (a)-[:POSTED]->(p:Post) WHERE coalesce(p.removed, false) = false
      WITH p ORDER BY p.createdAt DESC, p.id DESC LIMIT toInteger(coalesce($postsTake, 0))
      RETURN [toString(p.createdAt), p.id, a.id] + [k IN $keys | CASE k WHEN 'createdAt' THEN p.createdAt.epochMillis ELSE p[k] END]
    } END]) AS accounts
}
// The creator as the list of its $creatorKeys' values: the served Creator properties the page's
// selection shows (graph/creator-columns.ts), times as epoch milliseconds (graph/times.ts). Not
// `c {.*}` (order keys, search text, unserved DateTimes), nor all nine for a page showing two.
RETURN [k IN $creatorKeys | CASE k WHEN 'lastPostAt' THEN c.lastPostAt.epochMillis WHEN 'createdAt' THEN c.createdAt.epochMillis
         WHEN 'updatedAt' THEN c.updatedAt.epochMillis ELSE c[k] END] AS creator,
       c.orderLastPost AS key, accounts
// The page's order (the walk's; the CALLs keep it, so no sort is planned: test/graph/order-keys.test.ts).
ORDER BY key ASC
