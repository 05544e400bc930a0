// A page of each creator's posts across its accounts (optionally one platform), newest first.
UNWIND $ids AS id
MATCH (c:Creator {id: id})
CALL (c) {
  MATCH (c)-[:HAS_ACCOUNT]->(a:Account)-[:POSTED]->(p:Post)
  WHERE ($platform IS NULL OR a.platform = $platform)
    AND ($since IS NULL OR p.createdAt >= datetime($since)) AND ($until IS NULL OR p.createdAt < datetime($until))
    AND coalesce(p.removed, false) = false
  WITH a, p ORDER BY p.createdAt DESC, p.id DESC
  WITH collect([a.id, p]) AS rows
  RETURN size(rows) AS total, [r IN rows[$skip..$skip + $limit] | {props: properties(r[1]), authorId: r[0]}] AS posts
}
RETURN id, total, posts
