MATCH (k:Campaign)
OPTIONAL MATCH (b:Brand)-[:SPONSORS]->(k)
RETURN k {.*, brandId: b.id} AS campaign
ORDER BY k.createdAt DESC, k.id
