// Stored matches touching any of the accounts: the decisions a new assignment must respect.
UNWIND $ids AS id
MATCH (:Account {id: id})-[m:MATCHED_TO]-(:Account)
WITH DISTINCT m
MATCH (t:Account)-[m]->(x:Account)
RETURN t.id AS tiktokId, x.id AS xId, m.status AS status, m.score AS score
