// Cross-posts found from their content (no link between them): later post -[:AMPLIFIED]-> earlier
// post, kind CROSSPOST, via TEXT, with the detector's confidence and evidence. An edge already
// there (a link, or found before) is left as it is. Returns the edges this call created.
UNWIND $rows AS r
MATCH (am:Post {id: r.amplifierId})
MATCH (src:Post {id: r.sourceId})
WHERE NOT EXISTS { MATCH (am)-[:AMPLIFIED]-(src) }
MERGE (am)-[x:AMPLIFIED]->(src)
  ON CREATE SET x.detectedAt = datetime(),
                x.kind = 'CROSSPOST',
                x.via = 'TEXT',
                x.evidence = r.evidence,
                x.confidence = r.confidence,
                x.lagSeconds = duration.inSeconds(src.createdAt, am.createdAt).seconds
RETURN am.id AS amplifierId, src.id AS sourceId
