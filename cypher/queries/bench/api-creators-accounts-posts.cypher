// The API benchmark's floor: the creators page with accounts and each account's latest $posts posts.
MATCH (c:Creator)
WHERE c.orderReach < '\u007f' AND c.active AND c.backfilled
WITH c ORDER BY c.orderReach DESC LIMIT $first
CALL (c) {
  MATCH (c)-[:HAS_ACCOUNT]->(a:Account)
  WITH a ORDER BY a.platform
  CALL (a) {
    MATCH (a)-[:POSTED]->(p:Post)
    WHERE coalesce(p.removed, false) = false
    WITH p ORDER BY p.createdAt DESC, p.id DESC LIMIT $posts
    RETURN collect(p {.id, .text, .createdAt}) AS posts
  }
  RETURN collect(a {.id, .platform, .username, .followers, posts: posts}) AS accounts
}
RETURN c.id AS id, c.displayName AS displayName, accounts
ORDER BY c.orderReach DESC
