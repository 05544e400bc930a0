// Drops waiting amplifications that have become AMPLIFIED edges. Rows: {amplifierId, sourceId}.
UNWIND $rows AS r
MATCH (x:PendingAmplification {amplifierId: r.amplifierId, sourceId: r.sourceId})
WHERE EXISTS { (:Post {id: r.amplifierId})-[:AMPLIFIED]->(:Post {id: r.sourceId}) }
DELETE x
RETURN count(*) AS deleted
