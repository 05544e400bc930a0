// Amplifications whose source post is not in the graph yet (an X post linking a TikTok video
// that a later sync or replay brings in) wait as PendingAmplification nodes keyed by the pair;
// resolve-side queries connect them once the source arrives. Rows: {amplifierId, sourceId, kind, confidence}.
// Returns the rows whose source IS in the graph now but whose edge is not: the other lane wrote the
// source after the caller's edge write missed it, and (having looked for waiting edges before this
// park) will not connect it; the caller writes those edges itself.
UNWIND $rows AS r
MATCH (am:Post {id: r.amplifierId})
OPTIONAL MATCH (src:Post {id: r.sourceId})
CALL (r, src) {
  WITH r, src WHERE src IS NULL
  MERGE (x:PendingAmplification {amplifierId: r.amplifierId, sourceId: r.sourceId})
    ON CREATE SET x.createdAt = datetime()
  SET x.kind = r.kind, x.confidence = r.confidence
}
WITH r, am, src
WHERE src IS NOT NULL AND NOT EXISTS { (am)-[:AMPLIFIED]->(src) }
RETURN r.amplifierId AS amplifierId, r.sourceId AS sourceId, r.kind AS kind, r.confidence AS confidence
