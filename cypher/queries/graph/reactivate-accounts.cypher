// An account fetched successfully after it was reported gone is back (a lifted suspension, a
// wrong report): active again, and the posts its deactivation removed count again.
UNWIND $ids AS id
MATCH (a:Account {id: id})
WHERE a.active = false AND (a.deactivatedAt IS NULL OR a.deactivatedAt < a.fetchedAt)
SET a.active = true, a.deactivatedAt = null, a.deactivationReason = null
WITH a
CALL (a) {
  MATCH (a)-[:POSTED]->(p:Post)
  WHERE p.removedReason = 'ACCOUNT_INACTIVE'
  SET p.removed = false, p.removedReason = null
}
RETURN a.id AS accountId
