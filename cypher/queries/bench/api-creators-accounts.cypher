// The API benchmark's floor (bench/api.ts): creators(first: 20, orderBy: COMBINED_REACH) with their
// accounts, hand-written, one statement. Same filter and order as the API's default list: the
// stored order key (src/graph/order-keys.ts), read from its index.
MATCH (c:Creator)
WHERE c.orderReach < '\u007f' AND c.active AND c.backfilled
WITH c ORDER BY c.orderReach DESC LIMIT $first
CALL (c) {
  MATCH (c)-[:HAS_ACCOUNT]->(a:Account)
  WITH a ORDER BY a.platform
  RETURN collect(a {.id, .platform, .username, .followers}) AS accounts
}
RETURN c.id AS id, c.displayName AS displayName, accounts
ORDER BY c.orderReach DESC
