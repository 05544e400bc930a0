// Applies creator merges planned in memory (write.ts): each row folds one creator (goneId) into
// the creator that survives its group (keepId, the oldest), moving every account over in one step.
// Moved accounts remember the creator they last belonged to (previousId), so a later split can
// give the id back. A row may carry the survivor's derived values (graph/creators.ts), computed
// in memory for the whole group: the last row of each group does. Rows whose creators are gone
// meanwhile do nothing, and so do accounts a concurrent writer moved first.
UNWIND $rows AS r
MATCH (gone:Creator {id: r.goneId})
MATCH (keep:Creator {id: r.keepId})
CALL (gone, keep, r) {
  MATCH (gone)-[:HAS_ACCOUNT]->(a:Account)
  // Lock the account before deciding (every statement that moves an account does so first): a
  // concurrent merge or split of the same account waits here and, once it may go on, reads below
  // what the first one left. The MERGE then never adds a second edge to the survivor.
  SET a.updatedAt = datetime()
  WITH a
  MATCH (gone)-[old:HAS_ACCOUNT]->(a)
  MERGE (keep)-[link:HAS_ACCOUNT]->(a)
    ON CREATE SET link.since = datetime()
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
WITH keep, gone, gone.id AS goneId, r
DETACH DELETE gone
WITH keep, goneId, r
CALL (keep, r) {
  WITH keep, r
  WHERE r.derived IS NOT NULL
  SET keep += r.derived.props,
      keep.lastPostAt = CASE WHEN r.derived.lastPostAt IS NULL THEN null ELSE datetime(r.derived.lastPostAt) END
}
RETURN keep.id AS creatorId, goneId
