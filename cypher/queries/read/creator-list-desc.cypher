// A filtered, ordered page of creators with the total. Ordering field is chosen by $orderField
// (a CASE, since Cypher cannot take a sort key as a parameter); the direction has one file each.
MATCH (c:Creator)
WHERE ($active IS NULL OR c.active = $active)
  AND ($tracked IS NULL OR c.tracked = $tracked)
  AND ($includeUnbackfilled OR coalesce(c.backfilled, false))
  AND ($minReach IS NULL OR c.reachHigh >= $minReach)
  AND ($search IS NULL OR c.searchText CONTAINS $search OR c.displayNameLower CONTAINS $search)
  AND ($platforms IS NULL OR all(p IN $platforms WHERE p IN c.platforms))
  AND ($matchStatuses IS NULL OR EXISTS {
    MATCH (c)-[:HAS_ACCOUNT]->(:Account)-[m:MATCHED_TO]-(:Account) WHERE m.status IN $matchStatuses
  })
WITH c ORDER BY CASE $orderField
    WHEN 'COMBINED_REACH' THEN c.reachHigh
    WHEN 'TIKTOK_FOLLOWERS' THEN c.tiktokFollowers
    WHEN 'X_FOLLOWERS' THEN c.xFollowers
    WHEN 'LAST_POST_AT' THEN c.lastPostAt
    ELSE c.displayNameLower END DESC, c.id DESC
WITH collect(c) AS rows
RETURN size(rows) AS total, [x IN rows[$skip..$skip + $limit] | x {.*}] AS creators
