// The match that joins a creator's accounts (AUTO or MANUAL), if any.
UNWIND $ids AS id
MATCH (c:Creator {id: id})-[:HAS_ACCOUNT]->(t:Account)-[m:MATCHED_TO]->(x:Account)<-[:HAS_ACCOUNT]-(c)
WHERE m.status IN ['AUTO', 'MANUAL']
RETURN id, m {.*, tiktokId: t.id, xId: x.id} AS match
