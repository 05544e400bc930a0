// Accounts whose creator is on one platform only: discovery looks for their counterparts. With
// $ids set, only those accounts are considered.
MATCH (c:Creator)-[:HAS_ACCOUNT]->(a:Account)
WHERE $ids IS NULL OR a.id IN $ids
WITH c, a, COUNT { (c)-[:HAS_ACCOUNT]->(o:Account) WHERE o.platform <> a.platform } AS others
WHERE others = 0
RETURN a.id AS id, a.platform AS platform, a.username AS username, a.displayName AS displayName,
       a.bio AS bio, a.bioLink AS bioLink
