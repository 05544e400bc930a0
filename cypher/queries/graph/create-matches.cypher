// Writes pairs the caller knows had no MATCHED_TO when it looked (loaded before the run) as new
// edges, returning only the edges this statement created. MERGE, not a guarded CREATE: MERGE locks
// both accounts and looks again before creating, so two writers racing on one pair make one edge
// (a check-then-CREATE made one each). A pair that gained an edge meanwhile is not returned, and
// the caller upserts it instead.
UNWIND $rows AS r
MATCH (t:Account {id: r.tiktokId})
MATCH (x:Account {id: r.xId})
MERGE (t)-[m:MATCHED_TO]->(x)
  ON CREATE SET m.id = r.id, m.score = r.score, m.reasons = r.reasons, m.evidence = r.evidence, m.status = r.status,
                m.createdAt = datetime(r.at), m.updatedAt = datetime(r.at), m.createdHere = true
// The marker never outlives this transaction: it only tells this statement which edges it made.
WITH m, coalesce(m.createdHere, false) AS createdHere
REMOVE m.createdHere
WITH m, createdHere
WHERE createdHere
RETURN m.id AS id, null AS previousStatus, null AS previousScore, m.status AS status, m.score AS score
