// Marks the creators of the given accounts as tracked (or not), with a tier. Starting to track
// resets `backfilled`, because the backfill window is loaded after this; the accounts' own
// backfill marks stay, so an account loaded before is not fetched twice for the same window.
UNWIND $accountIds AS accountId
MATCH (c:Creator)-[:HAS_ACCOUNT]->(:Account {id: accountId})
WITH DISTINCT c
SET c.tracked = $tracked,
    c.tier = CASE WHEN $tracked THEN coalesce($tier, c.tier, 'LONG_TAIL') ELSE c.tier END,
    c.backfilled = CASE WHEN $tracked THEN false ELSE c.backfilled END,
    c.backfillDays = CASE WHEN $tracked THEN $backfillDays ELSE c.backfillDays END,
    c.trackedAt = CASE WHEN $tracked THEN coalesce(c.trackedAt, datetime()) ELSE c.trackedAt END,
    c.displayName = coalesce($displayName, c.displayName),
    c.displayNameLower = toLower(coalesce($displayName, c.displayName)),
    c.orderName = 'n' + toLower(coalesce($displayName, c.displayName)) + '\u0001' + c.id,
    c.updatedAt = datetime()
RETURN c.id AS creatorId
