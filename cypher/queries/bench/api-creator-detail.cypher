// The API benchmark's floor: creator(id) with its accounts and its latest $posts posts across them.
MATCH (c:Creator {id: $id})
CALL (c) {
  MATCH (c)-[:HAS_ACCOUNT]->(a:Account)
  WITH a ORDER BY a.platform
  RETURN collect(a {.id, .platform, .username, .followers}) AS accounts
}
CALL (c) {
  MATCH (c)-[:HAS_ACCOUNT]->(:Account)-[:POSTED]->(p:Post)
  WHERE coalesce(p.removed, false) = false
  WITH p ORDER BY p.createdAt DESC, p.id DESC LIMIT $posts
  RETURN collect(p {.id, .text, .createdAt}) AS posts
}
RETURN c.id AS id, c.displayName AS displayName, accounts, posts
