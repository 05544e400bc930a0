// Undoes a merge when a joining match is rejected: the X account leaves for a creator of its own,
// taking back the id it had before the merge when it had one (and that id is free).
MATCH (c:Creator)-[:HAS_ACCOUNT]->(:Account {id: $tiktokId})
MATCH (c)-[rel:HAS_ACCOUNT]->(x:Account {id: $xId})
WITH c, rel, x, coalesce(x.previousCreatorId, $newId) AS wanted
OPTIONAL MATCH (taken:Creator {id: wanted})
WITH c, rel, x, CASE WHEN taken IS NULL THEN wanted ELSE $newId END AS splitId
DELETE rel
CREATE (n:Creator {id: splitId})
SET n.displayName = coalesce(x.displayName, x.username), n.displayNameLower = toLower(coalesce(x.displayName, x.username)),
    n.active = true, n.tracked = c.tracked, n.tier = c.tier, n.backfilled = c.backfilled,
    n.createdAt = datetime(), n.updatedAt = datetime()
CREATE (n)-[:HAS_ACCOUNT {since: datetime()}]->(x)
REMOVE x.previousCreatorId
RETURN c.id AS keptId, n.id AS splitId
