// What combined reach needs, per creator: followers and usernames per platform, and the reasons of
// the matches joining its accounts (all of them, so the basis does not depend on which is read first).
UNWIND $ids AS id
MATCH (c:Creator {id: id})
OPTIONAL MATCH (c)-[:HAS_ACCOUNT]->(a:Account)
WITH c, collect(a {.id, .platform, .followers, .usernameLower, .active, .lastPostAt, .displayName}) AS accounts
OPTIONAL MATCH (c)-[:HAS_ACCOUNT]->(:Account)-[m:MATCHED_TO]->(:Account)<-[:HAS_ACCOUNT]-(c)
WHERE m.status IN ['AUTO', 'MANUAL']
WITH c, accounts, collect(m.reasons) AS reasonLists
RETURN c.id AS id, accounts, reduce(seen = [], rs IN reasonLists | seen + [r IN coalesce(rs, []) WHERE NOT r IN seen]) AS reasons
