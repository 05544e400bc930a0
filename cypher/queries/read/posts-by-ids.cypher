UNWIND $ids AS id
MATCH (a:Account)-[:POSTED]->(p:Post {id: id})
RETURN p {.*, authorId: a.id} AS post
