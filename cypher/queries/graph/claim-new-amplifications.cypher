// AMPLIFIED edges touching the given posts that nobody has announced yet: marks them announced and
// returns them with both authors' creators, for amplificationDetected. Taking the edge's lock
// (the claim token) before re-reading announcedAt keeps two writers from announcing one edge twice.
UNWIND $ids AS pid
MATCH (p:Post {id: pid})
CALL (p) {
  MATCH (p)-[x:AMPLIFIED]->(o:Post) RETURN x, p AS am, o AS src
  UNION
  MATCH (o:Post)-[x:AMPLIFIED]->(p) RETURN x, o AS am, p AS src
}
WITH DISTINCT x, am, src
WHERE x.detectedAt IS NOT NULL AND x.announcedAt IS NULL
SET x.claim = $token
WITH x, am, src
WHERE x.announcedAt IS NULL
SET x.announcedAt = datetime()
REMOVE x.claim
RETURN am.id AS amplifierId, src.id AS sourceId, x.kind AS kind, x.lagSeconds AS lagSeconds, x.confidence AS confidence,
       // Each end anchors its own expansion: a single pattern over (q) WHERE q = am OR q = src is
       // planned from a scan of every creator's posts, once per edge.
       COLLECT {
         MATCH (c:Creator)-[:HAS_ACCOUNT]->(:Account)-[:POSTED]->(am) RETURN c.id AS id
         UNION
         MATCH (c:Creator)-[:HAS_ACCOUNT]->(:Account)-[:POSTED]->(src) RETURN c.id AS id
       } AS creatorIds
