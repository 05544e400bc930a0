// Batched, idempotent post upsert with hashtags and same-platform mentions. Authors must exist.
UNWIND $rows AS r
MATCH (author:Account {id: r.authorId})
MERGE (p:Post {id: r.id})
  ON CREATE SET p.firstSeenAt = datetime()
// The stored properties the Post shape declares (graph/shapes.ts POST_PROPS), as one map.
SET p += r.props,
    p.createdAt = datetime(r.createdAt),
    p.engagement = r.props.likes + r.props.comments + r.props.shares + coalesce(r.props.quotes, 0),
    p.fetchedAt = datetime(r.fetchedAt)
MERGE (author)-[:POSTED]->(p)
FOREACH (tag IN r.hashtags | MERGE (h:Hashtag {tag: tag}) MERGE (p)-[:TAGGED]->(h))
WITH author, p, r
CALL (p, r) {
  UNWIND r.mentions AS m
  MATCH (target:Account {platform: r.props.platform, usernameLower: m})
  // Without the hint the planner may seek on platform alone and filter every account of it.
  USING INDEX target:Account(platform, usernameLower)
  MERGE (p)-[:MENTIONS]->(target)
}
WITH author, max(p.createdAt) AS newest
SET author.lastPostAt = CASE WHEN author.lastPostAt IS NULL OR newest > author.lastPostAt THEN newest ELSE author.lastPostAt END
WITH author
MATCH (c:Creator)-[:HAS_ACCOUNT]->(author)
SET c.lastPostAt = CASE WHEN c.lastPostAt IS NULL OR author.lastPostAt > c.lastPostAt THEN author.lastPostAt ELSE c.lastPostAt END
// Its order key follows (src/graph/order-keys.ts: epoch ms, 15 digits, "|", id).
SET c.orderLastPost = right('000000000000000' + toString(c.lastPostAt.epochMillis), 15) + '|' + c.id
RETURN count(*) AS authors
