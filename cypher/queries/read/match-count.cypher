// totalCount of a match list, run only when asked: counted from the (status, score, id) index.
MATCH ()-[m:MATCHED_TO]->()
WHERE m.status IN $statuses AND m.score >= $minScore
RETURN count(m) AS total
