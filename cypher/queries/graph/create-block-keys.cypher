// First sync of accounts that have never stored keys (blockKeys null, so no HAS_KEY edges yet):
// sets the link, domain and name keys and the name words and links the accounts to their (existing) BlockKey nodes with
// CREATE. The null guard keeps it idempotent; accounts synced meanwhile are not returned, and the
// caller syncs them the general way.
UNWIND $rows AS r
MATCH (a:Account {id: r.id})
WHERE a.blockKeys IS NULL
SET a.blockKeys = r.keys, a.linkKey = r.link, a.domainKey = r.domain, a.nameKey = r.name, a.nameWords = r.words
WITH a, r
CALL (a, r) {
  UNWIND r.nodeKeys AS key
  MATCH (k:BlockKey {key: key})
  CREATE (a)-[:HAS_KEY]->(k)
}
RETURN a.id AS id
