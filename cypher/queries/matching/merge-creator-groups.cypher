// Applies creator merges planned in memory (write.ts): each row folds one creator (goneId) into
// the creator that survives its group (keepId, the oldest), moving every account over in one step.
// Moved accounts remember the creator they last belonged to (previousId), so a later split can
// give the id back. Rows whose creators are gone meanwhile do nothing.
UNWIND $rows AS r
MATCH (gone:Creator {id: r.goneId})
MATCH (keep:Creator {id: r.keepId})
CALL (gone, keep, r) {
  MATCH (gone)-[old:HAS_ACCOUNT]->(a:Account)
  CREATE (keep)-[:HAS_ACCOUNT {since: datetime()}]->(a)
  SET a.previousCreatorId = r.previousId
  DELETE old
}
CALL (gone, keep) {
  MATCH (camp:Campaign)-[:INCLUDES]->(gone)
  MERGE (camp)-[:INCLUDES]->(keep)
}
SET keep.tracked = coalesce(keep.tracked, false) OR coalesce(gone.tracked, false),
    keep.tier = coalesce(keep.tier, gone.tier),
    keep.backfilled = coalesce(keep.backfilled, false) AND coalesce(gone.backfilled, false),
    keep.updatedAt = datetime()
WITH keep, gone, gone.id AS goneId
DETACH DELETE gone
RETURN keep.id AS creatorId, goneId
