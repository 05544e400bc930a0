// Replaces each account's stored blocking keys with the given ones (batched, idempotent): drops
// HAS_KEY edges to keys it no longer has, merges the rest, and records the list on the account so
// the next run can tell which accounts changed without touching the edges.
UNWIND $rows AS r
MATCH (a:Account {id: r.id})
SET a.blockKeys = r.keys
WITH a, r
CALL (a, r) {
  MATCH (a)-[h:HAS_KEY]->(k:BlockKey)
  WHERE NOT k.key IN r.keys
  DELETE h
}
CALL (a, r) {
  UNWIND r.keys AS key
  MERGE (k:BlockKey {key: key})
  MERGE (a)-[:HAS_KEY]->(k)
}
RETURN count(a) AS synced
