// The raw-driver floor of bench/api-scale: the first page of the default creator list (active,
// backfilled, by combined reach descending) with each creator's accounts, written by hand against
// the same order index the API reads (creator_order_reach), in one statement.
MATCH (c:Creator)
WHERE c.orderReach < '\u007f' AND c.active AND c.backfilled
WITH c ORDER BY c.orderReach DESC LIMIT toInteger($take)
RETURN c.id AS id, c.displayName AS displayName,
       COLLECT { MATCH (c)-[:HAS_ACCOUNT]->(a:Account) RETURN a {.id, .platform, .username, .followers} ORDER BY a.platform } AS accounts
