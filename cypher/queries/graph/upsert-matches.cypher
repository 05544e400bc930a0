// Writes scored pairs as MATCHED_TO (TikTok account -> X account). Score, reasons and evidence
// always follow the latest scoring; the status follows it only while no human has decided
// (MANUAL and REJECTED are never overwritten here). Rows with keepScore only ensure the edge
// exists (a reviewer's link of a pair the matcher never proposed). Returns what changed, for events.
UNWIND $rows AS r
MATCH (t:Account {id: r.tiktokId})
MATCH (x:Account {id: r.xId})
MERGE (t)-[m:MATCHED_TO]->(x)
  ON CREATE SET m.id = r.id, m.createdAt = datetime(r.at)
WITH m, r, m.status AS previousStatus, m.score AS previousScore
WITH m, r, previousStatus, previousScore, coalesce(r.keepScore, false) AND previousScore IS NOT NULL AS keep
SET m.score = CASE WHEN keep THEN m.score ELSE r.score END,
    m.reasons = CASE WHEN keep THEN m.reasons ELSE r.reasons END,
    m.evidence = CASE WHEN keep THEN m.evidence ELSE r.evidence END,
    m.status = CASE WHEN keep OR previousStatus IN ['MANUAL', 'REJECTED'] THEN previousStatus ELSE r.status END,
    m.updatedAt = CASE
      WHEN previousStatus IS NULL OR previousStatus <> m.status OR previousScore <> m.score THEN datetime(r.at)
      ELSE m.updatedAt END
RETURN m.id AS id, previousStatus, previousScore, m.status AS status, m.score AS score
