// Sends stored AUTO matches back to review (a rival claim appeared); score and evidence stay.
// Only AUTO rows change, so a reviewer's decision in between is never overwritten.
UNWIND $rows AS r
MATCH (:Account {id: r.tiktokId})-[m:MATCHED_TO]->(:Account {id: r.xId})
WHERE m.status = 'AUTO'
SET m.status = 'PENDING', m.updatedAt = datetime(r.at)
RETURN m.id AS id, 'AUTO' AS previousStatus, m.score AS previousScore, m.status AS status, m.score AS score
