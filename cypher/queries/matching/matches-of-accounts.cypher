// Stored matches touching any of the accounts: the decisions a new assignment must respect, and
// the values it compares against so unchanged pairs are not written again.
UNWIND $ids AS id
MATCH (:Account {id: id})-[m:MATCHED_TO]-(:Account)
WITH DISTINCT m
MATCH (t:Account)-[m]->(x:Account)
RETURN t.id AS tiktokId, x.id AS xId, m.status AS status, m.score AS score, m.reasons AS reasons,
       m.evidence AS evidence
