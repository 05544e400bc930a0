UNWIND $ids AS id
MATCH (c:Creator {id: id})
RETURN c {.*} AS creator
