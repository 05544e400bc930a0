// Undoes merges when joining matches are unjoined (rejected, or demoted to review), pair by pair:
// the X account leaves for a creator of its own, taking back the id it had before the merge when
// it had one (and that id is free). Each row: tiktokId, xId, newId.
UNWIND $rows AS r
CALL (r) {
  MATCH (c:Creator)-[:HAS_ACCOUNT]->(:Account {id: r.tiktokId})
  MATCH (c)-[rel:HAS_ACCOUNT]->(x:Account {id: r.xId})
  WITH c, rel, x, coalesce(x.previousCreatorId, r.newId) AS wanted
  OPTIONAL MATCH (taken:Creator {id: wanted})
  WITH c, rel, x, CASE WHEN taken IS NULL THEN wanted ELSE r.newId END AS splitId
  DELETE rel
  CREATE (n:Creator {id: splitId})
  SET n.displayName = coalesce(x.displayName, x.username), n.displayNameLower = toLower(coalesce(x.displayName, x.username)),
      n.active = true, n.tracked = c.tracked, n.tier = c.tier, n.backfilled = c.backfilled,
      n.createdAt = datetime(), n.updatedAt = datetime()
  CREATE (n)-[:HAS_ACCOUNT {since: datetime()}]->(x)
  REMOVE x.previousCreatorId
  RETURN c.id AS keptId, n.id AS splitId
}
RETURN keptId, splitId
