// totalCount of each account's post list (the same filters as posts-by-accounts), run only when a
// client asks for it: a count over the account's POSTED edges, not a collect.
UNWIND $ids AS id
MATCH (a:Account {id: id})
RETURN id, COUNT {
  MATCH (a)-[:POSTED]->(p:Post)
  WHERE ($since IS NULL OR p.createdAt >= datetime($since)) AND ($until IS NULL OR p.createdAt < datetime($until))
    AND coalesce(p.removed, false) = false
} AS total
