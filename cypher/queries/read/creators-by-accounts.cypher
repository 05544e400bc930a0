UNWIND $ids AS id
MATCH (c:Creator)-[:HAS_ACCOUNT]->(:Account {id: id})
RETURN id, c {.*} AS creator
