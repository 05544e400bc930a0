UNWIND $ids AS id
MATCH (k:Campaign {id: id})-[:INCLUDES]->(c:Creator)
WITH id, c ORDER BY c.reachHigh DESC, c.id
RETURN id, collect(c {.*}) AS creators
