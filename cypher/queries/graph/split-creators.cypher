// Undoes merges when joining matches are unjoined (rejected, or demoted to review), pair by pair:
// the X account leaves for a creator of its own, taking back the id it had before the merge when
// it had one (and that id is free). Each row: tiktokId, xId, newId.
UNWIND $rows AS r
CALL (r) {
  // Lock the X account before reading its creator (as every statement that moves an account
  // does): a concurrent split of the same pair waits here, then finds it split and does nothing.
  MATCH (x:Account {id: r.xId})
  SET x.updatedAt = datetime()
  WITH x, r
  MATCH (c:Creator)-[:HAS_ACCOUNT]->(:Account {id: r.tiktokId})
  MATCH (c)-[rel:HAS_ACCOUNT]->(x)
  WITH c, rel, x, coalesce(x.previousCreatorId, r.newId) AS wanted
  OPTIONAL MATCH (taken:Creator {id: wanted})
  WITH c, rel, x, CASE WHEN taken IS NULL THEN wanted ELSE r.newId END AS splitId
  DELETE rel
  CREATE (n:Creator {id: splitId})
  SET n.displayName = coalesce(x.displayName, x.username), n.displayNameLower = toLower(coalesce(x.displayName, x.username)),
      n.active = true, n.tracked = c.tracked, n.tier = c.tier, n.backfilled = c.backfilled,
      n.createdAt = datetime(), n.updatedAt = datetime()
  // Order keys (src/graph/order-keys.ts) until the refresh that follows a split derives the numbers.
  SET n.orderName = 'n' + coalesce(n.displayNameLower, '') + '\u0001' + n.id,
      n.orderReach = '000000000000000|' + n.id, n.orderTiktok = '000000000000000|' + n.id,
      n.orderX = '000000000000000|' + n.id, n.orderLastPost = '000000000000000|' + n.id
  CREATE (n)-[:HAS_ACCOUNT {since: datetime()}]->(x)
  REMOVE x.previousCreatorId
  RETURN c.id AS keptId, n.id AS splitId
}
RETURN keptId, splitId
