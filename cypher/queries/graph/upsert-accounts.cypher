// Batched, idempotent account upsert. Each row: id, props (the stored properties the Account
// shape declares, graph/shapes.ts ACCOUNT_PROPS, as one map), snapshot (its SNAPSHOT_KEYS),
// fetchedAt, creator flags and newCreatorId (used only when the account has no Creator yet, so a
// re-run never mints a second creator). Also appends one AccountSnapshot per fetch time.
UNWIND $rows AS r
MERGE (a:Account {id: r.id})
  ON CREATE SET a.createdAt = datetime(), a.active = true
SET a += r.props,
    a.fetchedAt = datetime(r.fetchedAt),
    a.updatedAt = datetime()
FOREACH (_ IN CASE WHEN r.props.platform = 'TIKTOK' THEN [1] ELSE [] END | SET a:TikTokAccount)
FOREACH (_ IN CASE WHEN r.props.platform = 'X' THEN [1] ELSE [] END | SET a:XAccount)
MERGE (s:AccountSnapshot {accountId: r.id, at: datetime(r.fetchedAt)})
  ON CREATE SET s += r.snapshot
MERGE (a)-[:HAS_SNAPSHOT]->(s)
WITH a, r
CALL (a, r) {
  // The SET above holds the account's write lock, so this read sees any concurrent writer's
  // creator for it (a merge or split locks the account the same way before moving it).
  OPTIONAL MATCH (existing:Creator)-[:HAS_ACCOUNT]->(a)
  WITH a, r, existing WHERE existing IS NULL
  CREATE (c:Creator {id: r.newCreatorId})
  SET c.displayName = coalesce(r.props.displayName, r.props.username), c.displayNameLower = toLower(coalesce(r.props.displayName, r.props.username)),
      c.active = true, c.tracked = coalesce(r.tracked, false), c.tier = r.tier, c.backfilled = coalesce(r.backfilled, false),
      c.createdAt = datetime(), c.updatedAt = datetime()
  // Order keys (src/graph/order-keys.ts) until the refresh derives the numbers: 0 reach, no post.
  SET c.orderName = 'n' + coalesce(c.displayNameLower, '') + '\u0001' + c.id,
      c.orderReach = '000000000000000|' + c.id, c.orderTiktok = '000000000000000|' + c.id,
      c.orderX = '000000000000000|' + c.id, c.orderLastPost = '000000000000000|' + c.id
  CREATE (c)-[:HAS_ACCOUNT {since: datetime()}]->(a)
}
MATCH (c:Creator)-[:HAS_ACCOUNT]->(a)
RETURN a.id AS accountId, c.id AS creatorId
