// Every stored match and what the matcher last wrote on it: the decisions a full run must respect,
// and the values it compares against so unchanged pairs are not written again.
MATCH (t:Account)-[m:MATCHED_TO]->(x:Account)
RETURN t.id AS tiktokId, x.id AS xId, m.status AS status, m.score AS score, m.reasons AS reasons,
       m.evidence AS evidence
