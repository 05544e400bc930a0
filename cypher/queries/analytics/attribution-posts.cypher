// The first post on each platform about one topic (a hashtag, a post and what amplified it, or a
// phrase through the post_text full-text index), with the polling tier of its author's creator
// (how late we could have collected it) and the number of posts there. The topic's posts are found
// in one of three ways, then the earliest per platform wins. Posts of inactive accounts are left out.
CALL () {
  WITH $hashtag AS tag WHERE tag IS NOT NULL
  MATCH (:Hashtag {tag: tag})<-[:TAGGED]-(p:Post)
  RETURN p
  UNION
  WITH $postIds AS ids WHERE ids IS NOT NULL
  UNWIND ids AS id
  MATCH (src:Post {id: id})
  MATCH (p:Post)-[:AMPLIFIED*0..6]->(src)
  RETURN DISTINCT p
  UNION
  WITH $phrase AS phrase WHERE phrase IS NOT NULL
  CALL db.index.fulltext.queryNodes('post_text', phrase) YIELD node
  RETURN node AS p
}
WITH DISTINCT p
WHERE NOT coalesce(p.removed, false) AND ($since IS NULL OR p.createdAt >= datetime($since))
MATCH (a:Account)-[:POSTED]->(p)
OPTIONAL MATCH (c:Creator)-[:HAS_ACCOUNT]->(a)
WITH p.platform AS platform, p, c.tier AS tier
ORDER BY p.createdAt, p.id
WITH platform, collect(p)[0] AS first, collect(coalesce(tier, 'UNTRACKED'))[0] AS tier, count(*) AS posts
RETURN platform, first.id AS postId, first.createdAt AS at, tier, posts
ORDER BY at
