// amplifier -[:AMPLIFIED]-> source; both posts must exist. Lag from the posts' own timestamps.
UNWIND $rows AS r
MATCH (am:Post {id: r.amplifierId})
MATCH (src:Post {id: r.sourceId})
MERGE (am)-[x:AMPLIFIED]->(src)
SET x.kind = r.kind,
    x.confidence = r.confidence,
    x.lagSeconds = coalesce(r.lagSeconds, duration.inSeconds(src.createdAt, am.createdAt).seconds)
RETURN count(x) AS written
