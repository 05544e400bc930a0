// AUTO and MANUAL matches whose accounts are not under one creator (a merge that never happened
// or was undone by hand): the full run joins them.
MATCH (ct:Creator)-[:HAS_ACCOUNT]->(t:Account)-[m:MATCHED_TO]->(x:Account)<-[:HAS_ACCOUNT]-(cx:Creator)
WHERE m.status IN ['AUTO', 'MANUAL'] AND ct <> cx
RETURN t.id AS tiktokId, x.id AS xId
