// Writes pairs the caller knows have no MATCHED_TO yet (loaded before the run) as new edges: a
// CREATE instead of the upsert's MERGE. The guard keeps it idempotent: a pair that gained an edge
// meanwhile is not returned, and the caller upserts it instead.
UNWIND $rows AS r
MATCH (t:Account {id: r.tiktokId})
MATCH (x:Account {id: r.xId})
WHERE NOT (t)-[:MATCHED_TO]->(x)
CREATE (t)-[m:MATCHED_TO {id: r.id, score: r.score, reasons: r.reasons, evidence: r.evidence, status: r.status,
                          createdAt: datetime(r.at), updatedAt: datetime(r.at)}]->(x)
RETURN m.id AS id, null AS previousStatus, null AS previousScore, m.status AS status, m.score AS score
