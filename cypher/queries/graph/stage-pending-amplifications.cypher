// Amplifications whose source post is not in the graph yet (an X post linking a TikTok video
// that a later sync or replay brings in) wait as PendingAmplification nodes keyed by the pair;
// resolve-side queries connect them once the source arrives. Rows: {amplifierId, sourceId, kind, confidence}.
UNWIND $rows AS r
MATCH (:Post {id: r.amplifierId})
OPTIONAL MATCH (src:Post {id: r.sourceId})
WITH r, src WHERE src IS NULL
MERGE (x:PendingAmplification {amplifierId: r.amplifierId, sourceId: r.sourceId})
  ON CREATE SET x.createdAt = datetime()
SET x.kind = r.kind, x.confidence = r.confidence
RETURN count(x) AS pending
