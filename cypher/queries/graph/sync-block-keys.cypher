// Replaces each account's stored blocking keys with the given ones (batched, idempotent): sets the
// link, domain and name keys and the name words, drops HAS_KEY edges to keys it no longer has, merges the rest, and records
// the whole list on the account so the next run can tell which accounts changed.
UNWIND $rows AS r
MATCH (a:Account {id: r.id})
SET a.blockKeys = r.keys, a.linkKey = r.link, a.domainKey = r.domain, a.nameKey = r.name, a.nameWords = r.words
WITH a, r
CALL (a, r) {
  MATCH (a)-[h:HAS_KEY]->(k:BlockKey)
  WHERE NOT k.key IN r.nodeKeys
  DELETE h
}
CALL (a, r) {
  UNWIND r.nodeKeys AS key
  MERGE (k:BlockKey {key: key})
  MERGE (a)-[:HAS_KEY]->(k)
}
RETURN count(a) AS synced
