// What combined reach needs, per creator: followers and usernames per platform, and the match basis.
UNWIND $ids AS id
MATCH (c:Creator {id: id})
OPTIONAL MATCH (c)-[:HAS_ACCOUNT]->(a:Account)
WITH c, collect(a {.id, .platform, .followers, .usernameLower, .active, .lastPostAt, .displayName}) AS accounts
OPTIONAL MATCH (c)-[:HAS_ACCOUNT]->(:Account)-[m:MATCHED_TO]-(:Account)<-[:HAS_ACCOUNT]-(c)
WHERE m.status IN ['AUTO', 'MANUAL']
RETURN c.id AS id, accounts, collect(DISTINCT m {.reasons, .status})[0] AS match
