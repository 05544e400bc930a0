// Puts matched accounts under one Creator, pair by pair (batched; each row sees the rows before
// it). The older creator survives, so canonical ids stay stable; moved accounts remember where
// they came from, so a later split can give the id back.
UNWIND $rows AS r
CALL (r) {
  MATCH (ct:Creator)-[:HAS_ACCOUNT]->(:Account {id: r.tiktokId})
  MATCH (cx:Creator)-[:HAS_ACCOUNT]->(:Account {id: r.xId})
  WITH ct, cx WHERE ct <> cx
  WITH CASE WHEN ct.createdAt <= cx.createdAt THEN ct ELSE cx END AS keep,
       CASE WHEN ct.createdAt <= cx.createdAt THEN cx ELSE ct END AS gone
  MATCH (gone)-[old:HAS_ACCOUNT]->(a:Account)
  CREATE (keep)-[:HAS_ACCOUNT {since: datetime()}]->(a)
  SET a.previousCreatorId = gone.id
  DELETE old
  WITH DISTINCT keep, gone
  OPTIONAL MATCH (camp:Campaign)-[:INCLUDES]->(gone)
  FOREACH (_ IN CASE WHEN camp IS NULL THEN [] ELSE [1] END | MERGE (camp)-[:INCLUDES]->(keep))
  WITH DISTINCT keep, gone
  SET keep.tracked = coalesce(keep.tracked, false) OR coalesce(gone.tracked, false),
      keep.tier = coalesce(keep.tier, gone.tier),
      keep.backfilled = coalesce(keep.backfilled, false) AND coalesce(gone.backfilled, false),
      keep.updatedAt = datetime()
  WITH keep, gone, gone.id AS goneId
  DETACH DELETE gone
  RETURN keep.id AS creatorId, goneId
}
RETURN creatorId, goneId
