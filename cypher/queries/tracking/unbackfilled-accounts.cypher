// Active accounts of tracked creators whose backfill is not done yet: what a restarted service
// (or the CLI's backfill) still has to load.
MATCH (c:Creator {tracked: true, backfilled: false})-[:HAS_ACCOUNT]->(a:Account)
WHERE coalesce(a.active, true) AND a.backfilledAt IS NULL
RETURN c.id AS creatorId, coalesce(c.backfillDays, $defaultDays) AS days,
       a.id AS accountId, a.platform AS platform, a.platformUserId AS platformUserId
ORDER BY c.id, a.id
