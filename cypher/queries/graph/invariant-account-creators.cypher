// Invariant: every account belongs to exactly one creator. Returns the accounts that do not, with
// how many HAS_ACCOUNT relationships they have (0, or more than 1), at most $limit of them.
MATCH (a:Account)
WITH a, COUNT { (:Creator)-[:HAS_ACCOUNT]->(a) } AS n
WHERE n <> 1
RETURN a.id AS accountId, n
ORDER BY accountId
LIMIT toInteger($limit)
