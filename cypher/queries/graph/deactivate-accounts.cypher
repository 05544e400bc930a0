// Marks accounts the provider reports gone (deleted, suspended) inactive and takes their posts out
// of analytics. Evidence older than the account's last successful fetch is ignored (a tie goes to
// the report), and the earliest deactivation time is kept, so applying the same reports again, or
// in another order (replay), gives the same graph. Rows: {id, at, reason}.
UNWIND $rows AS r
MATCH (a:Account {id: r.id})
WHERE a.fetchedAt IS NULL OR a.fetchedAt <= datetime(r.at)
SET a.deactivatedAt = CASE
      WHEN a.active = false AND a.deactivatedAt IS NOT NULL AND a.deactivatedAt <= datetime(r.at) THEN a.deactivatedAt
      ELSE datetime(r.at) END,
    a.deactivationReason = CASE
      WHEN a.active = false AND a.deactivatedAt IS NOT NULL AND a.deactivatedAt <= datetime(r.at) THEN a.deactivationReason
      ELSE r.reason END,
    a.active = false
WITH DISTINCT a
CALL (a) {
  MATCH (a)-[:POSTED]->(p:Post)
  SET p.removed = true, p.removedReason = 'ACCOUNT_INACTIVE'
}
OPTIONAL MATCH (c:Creator)-[:HAS_ACCOUNT]->(a)
RETURN a.id AS accountId, c.id AS creatorId
