// totalCount of the creator list, run only when a client asks for it. The flags come as lists
// ([true] or [true, false]) so the (active, backfilled) index answers the default filter on its
// own, counting index entries rather than reading creators; other filters then read the creators
// the index yields.
MATCH (c:Creator)
WHERE c.active IN $actives AND c.backfilled IN $backfills
  AND ($search IS NULL OR c.searchText CONTAINS $search OR c.displayNameLower CONTAINS $search)
  AND ($tracked IS NULL OR c.tracked = $tracked)
  AND ($minReach IS NULL OR c.reachHigh >= $minReach)
  AND ($platforms IS NULL OR all(p IN $platforms WHERE p IN c.platforms))
  AND ($matchStatuses IS NULL OR EXISTS {
    MATCH (c)-[:HAS_ACCOUNT]->(:Account)-[m:MATCHED_TO]-(:Account) WHERE m.status IN $matchStatuses
  })
RETURN count(c) AS total
