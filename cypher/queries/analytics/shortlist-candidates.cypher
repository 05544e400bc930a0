// Shortlist candidates: active creators past the reach floor with a post on some platform since
// $staleCutoff; per live account its followers and, over posts since $recentSince, post count,
// engagement and posts carrying one of $tags; and the matches touching the creator's accounts.
MATCH (c:Creator)
WHERE coalesce(c.active, true) = true
  AND coalesce(c.reachHigh, 0) >= $minReach
  AND c.lastPostAt >= datetime($staleCutoff)
CALL (c) {
  MATCH (c)-[:HAS_ACCOUNT]->(a:Account)
  WHERE coalesce(a.active, true) = true
  CALL (a) {
    OPTIONAL MATCH (a)-[:POSTED]->(p:Post)
    WHERE p.createdAt >= datetime($recentSince)
    RETURN count(p) AS posts,
           coalesce(sum(p.engagement), 0) AS engagement,
           sum(CASE WHEN p IS NOT NULL AND size($tags) > 0 AND EXISTS { MATCH (p)-[:TAGGED]->(h:Hashtag) WHERE h.tag IN $tags } THEN 1 ELSE 0 END) AS tagged
  }
  RETURN collect({platform: a.platform, username: a.username, usernameLower: a.usernameLower, followers: a.followers,
                  active: a.active, lastPostAt: a.lastPostAt, posts: posts, engagement: engagement, tagged: tagged}) AS accounts
}
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_ACCOUNT]->(:Account)-[m:MATCHED_TO]-(:Account)
  WHERE m.status <> 'REJECTED'
  RETURN collect(DISTINCT m {.id, .status, .score, .reasons}) AS matches
}
RETURN c.id AS id, c.displayName AS displayName, c.lastPostAt AS lastPostAt, accounts, matches
