// Active accounts of tracked, active creators in the given tiers, for the scheduled refreshes.
MATCH (c:Creator {tracked: true})-[:HAS_ACCOUNT]->(a:Account)
WHERE coalesce(c.active, true) AND coalesce(a.active, true)
  AND coalesce(c.tier, 'LONG_TAIL') IN $tiers
  AND ($platform IS NULL OR a.platform = $platform)
RETURN a.id AS accountId, a.platform AS platform, a.platformUserId AS platformUserId,
       a.username AS username, a.lastPostAt AS lastPostAt, coalesce(c.tier, 'LONG_TAIL') AS tier
ORDER BY a.id
