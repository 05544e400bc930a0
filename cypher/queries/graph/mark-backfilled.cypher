// Records that the given accounts have their posts loaded back to $since, then sets each affected
// creator's `backfilled` from all of its accounts: true once every active account is loaded (a
// creator merged by matching is backfilled only when both sides are).
UNWIND $accountIds AS accountId
MATCH (a:Account {id: accountId})
SET a.backfilledAt = datetime($at),
    a.backfilledSince = CASE WHEN a.backfilledSince IS NULL OR datetime($since) < a.backfilledSince
                             THEN datetime($since) ELSE a.backfilledSince END
WITH DISTINCT a
MATCH (c:Creator)-[:HAS_ACCOUNT]->(a)
WITH DISTINCT c
MATCH (c)-[:HAS_ACCOUNT]->(x:Account)
WITH c, collect(x) AS accounts
WITH c, all(x IN accounts WHERE x.active = false OR x.backfilledAt IS NOT NULL) AS done
SET c.backfilled = done, c.updatedAt = datetime()
RETURN c.id AS creatorId, done
