// For each given post: the posts its creator's account on the other platform made within the
// window around it (cross-post candidates), and its own account's posts in that window (to tell a
// caption the creator reuses as a template from one piece of content). Only original content:
// posts that already amplify something of someone else's (reposts, quotes, links) are left out.
UNWIND $ids AS pid
MATCH (a:Account)-[:POSTED]->(p:Post {id: pid})
MATCH (c:Creator)-[:HAS_ACCOUNT]->(a)
MATCH (c)-[:HAS_ACCOUNT]->(b:Account)
WHERE b.platform <> a.platform
WITH p, a, b, p.createdAt - duration({hours: $windowHours}) AS lo, p.createdAt + duration({hours: $windowHours}) AS hi
CALL (p, b, lo, hi) {
  MATCH (b)-[:POSTED]->(q:Post)
  WHERE q.createdAt >= lo AND q.createdAt <= hi AND q.text IS NOT NULL
    AND NOT EXISTS { MATCH (q)-[:AMPLIFIED {kind: 'REPOST'}]->() }
  OPTIONAL MATCH (p)-[x:AMPLIFIED]-(q)
  RETURN collect({id: q.id, createdAt: q.createdAt, text: q.text,
                  hashtags: COLLECT { MATCH (q)-[:TAGGED]->(h:Hashtag) RETURN h.tag },
                  linked: x IS NOT NULL}) AS others
}
CALL (p, a, lo, hi) {
  MATCH (a)-[:POSTED]->(s:Post)
  WHERE s <> p AND s.createdAt >= lo AND s.createdAt <= hi AND s.text IS NOT NULL
  RETURN collect(s.text) AS siblings
}
RETURN p.id AS id, p.createdAt AS createdAt, p.text AS text,
       COLLECT { MATCH (p)-[:TAGGED]->(h:Hashtag) RETURN h.tag } AS hashtags,
       others, siblings
