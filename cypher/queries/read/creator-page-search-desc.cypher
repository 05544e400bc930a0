// A page of creators matching the search text, descending by the order key of $field: the
// text indexes on searchText and displayNameLower find the matching creators, which are few for a
// real search, then the page is the top $take of those past the cursor's key ($after); no index
// order serves a CONTAINS, so a search that matches most creators sorts most of them (a top-k,
// not a collect).
MATCH (c:Creator)
WHERE (c.searchText CONTAINS $search OR c.displayNameLower CONTAINS $search)
  AND ($active IS NULL OR c.active = $active)
  AND ($includeUnbackfilled OR c.backfilled)
  AND ($tracked IS NULL OR c.tracked = $tracked)
  AND ($minReach IS NULL OR c.reachHigh >= $minReach)
  AND ($platforms IS NULL OR all(p IN $platforms WHERE p IN c.platforms))
  AND ($matchStatuses IS NULL OR EXISTS {
    MATCH (c)-[:HAS_ACCOUNT]->(:Account)-[m:MATCHED_TO]-(:Account) WHERE m.status IN $matchStatuses
  })
WITH c, CASE $field
    WHEN 'COMBINED_REACH' THEN c.orderReach
    WHEN 'TIKTOK_FOLLOWERS' THEN c.orderTiktok
    WHEN 'X_FOLLOWERS' THEN c.orderX
    WHEN 'LAST_POST_AT' THEN c.orderLastPost
    ELSE c.orderName END AS key
WHERE key < $after
WITH c, key ORDER BY key DESC SKIP toInteger($skip) LIMIT toInteger($take)
RETURN c {.*} AS creator, key,
       // The page's accounts too when the client asks for them: ordered and projected as accounts-by-creators
       // (the served properties only; decoding the unserved DateTimes cost CPU on every page).
       CASE WHEN $withAccounts THEN COLLECT { MATCH (c)-[:HAS_ACCOUNT]->(a:Account) RETURN a {
           .id, .platform, .platformUserId, .username, .usernameLower, .displayName, .bio, .bioLink, .avatarUrl, .secUid, .verified,
           .followers, .following, .hearts, .postCount, .fetchedAt, .lastPostAt, .active, .deactivatedAt
         } ORDER BY a.platform } END AS accounts
