// For each given post: the posts its creator's account on the other platform made within the
// window around it (cross-post candidates), and its own account's posts in that window (to tell a
// caption the creator reuses as a template from one piece of content). Only captions long enough
// for text to decide ($minTokens space-separated tokens, a cheap upper bound on the words the
// detector counts) are read, and only posts of creators with accounts on both platforms; reposts
// on the other side are left out (their text is someone else's).
UNWIND $ids AS pid
MATCH (a:Account)-[:POSTED]->(p:Post {id: pid})
WHERE size(split(coalesce(p.text, ''), ' ')) >= $minTokens
MATCH (c:Creator)-[:HAS_ACCOUNT]->(a)
MATCH (c)-[:HAS_ACCOUNT]->(b:Account)
WHERE b.platform <> a.platform
WITH p, a, b, p.createdAt - duration({hours: $windowHours}) AS lo, p.createdAt + duration({hours: $windowHours}) AS hi
CALL (p, b, lo, hi) {
  MATCH (b)-[:POSTED]->(q:Post)
  WHERE q.createdAt >= lo AND q.createdAt <= hi AND size(split(coalesce(q.text, ''), ' ')) >= $minTokens
    AND NOT EXISTS { MATCH (q)-[:AMPLIFIED {kind: 'REPOST'}]->() }
  RETURN collect({id: q.id, createdAt: q.createdAt, text: q.text,
                  hashtags: COLLECT { MATCH (q)-[:TAGGED]->(h:Hashtag) RETURN h.tag },
                  linked: EXISTS { MATCH (p)-[:AMPLIFIED]-(q) }}) AS others
}
WITH p, a, lo, hi, others
WHERE size(others) > 0
CALL (p, a, lo, hi) {
  MATCH (a)-[:POSTED]->(s:Post)
  WHERE s <> p AND s.createdAt >= lo AND s.createdAt <= hi AND size(split(coalesce(s.text, ''), ' ')) >= $minTokens
  RETURN collect(s.text) AS siblings
}
RETURN p.id AS id, p.createdAt AS createdAt, p.text AS text,
       COLLECT { MATCH (p)-[:TAGGED]->(h:Hashtag) RETURN h.tag } AS hashtags,
       others, siblings
