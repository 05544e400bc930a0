// Batched, idempotent post upsert with hashtags and same-platform mentions. Authors must exist.
UNWIND $rows AS r
MATCH (author:Account {id: r.authorId})
MERGE (p:Post {id: r.id})
  ON CREATE SET p.firstSeenAt = datetime()
SET p.platform = r.platform,
    p.platformPostId = r.platformPostId,
    p.url = r.url,
    p.text = r.text,
    p.createdAt = datetime(r.createdAt),
    p.views = r.views,
    p.likes = r.likes,
    p.comments = r.comments,
    p.shares = r.shares,
    p.quotes = r.quotes,
    p.bookmarks = r.bookmarks,
    p.engagement = r.likes + r.comments + r.shares + coalesce(r.quotes, 0),
    p.pinned = coalesce(r.pinned, false),
    p.fetchedAt = datetime(r.fetchedAt)
MERGE (author)-[:POSTED]->(p)
FOREACH (tag IN r.hashtags | MERGE (h:Hashtag {tag: tag}) MERGE (p)-[:TAGGED]->(h))
WITH author, p, r
CALL (p, r) {
  UNWIND r.mentions AS m
  MATCH (target:Account {platform: r.platform, usernameLower: m})
  // Without the hint the planner may seek on platform alone and filter every account of it.
  USING INDEX target:Account(platform, usernameLower)
  MERGE (p)-[:MENTIONS]->(target)
}
WITH author, max(p.createdAt) AS newest
SET author.lastPostAt = CASE WHEN author.lastPostAt IS NULL OR newest > author.lastPostAt THEN newest ELSE author.lastPostAt END
WITH author
MATCH (c:Creator)-[:HAS_ACCOUNT]->(author)
SET c.lastPostAt = CASE WHEN c.lastPostAt IS NULL OR author.lastPostAt > c.lastPostAt THEN author.lastPostAt ELSE c.lastPostAt END
RETURN count(*) AS authors
