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
  AND ($matchStatuses IS NULL OR EXISTS {
    MATCH (c)-[:HAS_ACCOUNT]->(:Account)-[m:MATCHED_TO]-(:Account) WHERE m.status IN $matchStatuses
  })
WITH c ORDER BY c.orderLastPost ASC SKIP toInteger($skip) LIMIT toInteger($take)
RETURN c {.*} AS creator, c.orderLastPost AS key,
       // The page's accounts too when the client asks for them: ordered and projected as accounts-by-creators
       // (the served properties only; decoding the unserved DateTimes cost CPU on every page).
       CASE WHEN $withAccounts THEN COLLECT { MATCH (c)-[:HAS_ACCOUNT]->(a:Account) RETURN a {
           .id, .platform, .platformUserId, .username, .usernameLower, .displayName, .bio, .bioLink, .avatarUrl, .secUid, .verified,
           .followers, .following, .hearts, .postCount, .fetchedAt, .lastPostAt, .active, .deactivatedAt
         } ORDER BY a.platform } END AS accounts
