UNWIND $ids AS id
MATCH (k:Campaign {id: id})
OPTIONAL MATCH (b:Brand)-[:SPONSORS]->(k)
RETURN k {.*, brandId: b.id} AS campaign
