// totalCount of each creator's post list (the same filters as posts-by-creators), only when asked.
UNWIND $ids AS id
MATCH (c:Creator {id: id})
RETURN id, COUNT {
  MATCH (c)-[:HAS_ACCOUNT]->(a:Account)-[:POSTED]->(p:Post)
  WHERE ($platform IS NULL OR a.platform = $platform)
    AND ($since IS NULL OR p.createdAt >= datetime($since)) AND ($until IS NULL OR p.createdAt < datetime($until))
    AND coalesce(p.removed, false) = false
} AS total
