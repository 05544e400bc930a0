// A page of each account's posts, newest first, with the total per account. One statement for
// any number of accounts: the loader's batch.
UNWIND $ids AS id
MATCH (a:Account {id: id})
CALL (a) {
  MATCH (a)-[:POSTED]->(p:Post)
  WHERE ($since IS NULL OR p.createdAt >= datetime($since)) AND ($until IS NULL OR p.createdAt < datetime($until))
    AND coalesce(p.removed, false) = false
  WITH a, p ORDER BY p.createdAt DESC, p.id DESC
  WITH collect([a.id, p]) AS rows
  RETURN size(rows) AS total, [r IN rows[$skip..$skip + $limit] | {props: properties(r[1]), authorId: r[0]}] AS posts
}
RETURN id, total, posts
