// Recomputes `backfilled` for the creators of the given accounts from their accounts' marks (see
// mark-backfilled.cypher), without touching the marks themselves.
UNWIND $accountIds AS accountId
MATCH (c:Creator)-[:HAS_ACCOUNT]->(:Account {id: accountId})
WITH DISTINCT c
MATCH (c)-[:HAS_ACCOUNT]->(x:Account)
WITH c, collect(x) AS accounts
WITH c, all(x IN accounts WHERE x.active = false OR x.backfilledAt IS NOT NULL) AS done
SET c.backfilled = done
RETURN c.id AS creatorId, done
