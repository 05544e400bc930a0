// amplifier -[:AMPLIFIED]-> source; both posts must exist. Lag from the posts' own timestamps.
// A LINK the cross-post detector has recognised as the creator's own cross-post stays a CROSSPOST
// when the linking post is synced again (the detector, not the re-sync, decides that).
// detectedAt marks edges written from now on, so amplificationDetected announces each one once.
UNWIND $rows AS r
MATCH (am:Post {id: r.amplifierId})
MATCH (src:Post {id: r.sourceId})
MERGE (am)-[x:AMPLIFIED]->(src)
  ON CREATE SET x.detectedAt = datetime()
WITH x, r, am, src, (r.kind = 'LINK' AND x.kind = 'CROSSPOST' AND x.via = 'LINK') AS keep
SET x.kind = CASE WHEN keep THEN x.kind ELSE r.kind END,
    x.confidence = CASE WHEN keep THEN x.confidence ELSE r.confidence END,
    x.lagSeconds = coalesce(r.lagSeconds, duration.inSeconds(src.createdAt, am.createdAt).seconds)
RETURN count(x) AS written
