// Every stored match and its status: the decisions a full run must respect.
MATCH (t:Account)-[m:MATCHED_TO]->(x:Account)
RETURN t.id AS tiktokId, x.id AS xId, m.status AS status, m.score AS score
