UNWIND $ids AS id
MATCH (t:Account)-[m:MATCHED_TO {id: id}]->(x:Account)
RETURN m {.*, tiktokId: t.id, xId: x.id} AS match
