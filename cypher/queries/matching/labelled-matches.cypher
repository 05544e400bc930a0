// Pairs a reviewer has decided (MANUAL = same creator, REJECTED = not), with the matcher's score.
// A manual link the matcher never proposed keeps score 0, which is what the matcher thought of it.
MATCH (:Account)-[m:MATCHED_TO]->(:Account)
WHERE m.status IN ['MANUAL', 'REJECTED']
RETURN m.status AS status, m.score AS score
