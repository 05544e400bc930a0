// Each account's creator and when the creator was made (seconds and nanoseconds, so ties made in
// one transaction compare as ties): what merging needs to keep the older id. With how many
// accounts the creator has and what its derived values need of this one: a merge of creators
// holding one account each is computed in memory.
UNWIND $ids AS id
MATCH (c:Creator)-[:HAS_ACCOUNT]->(a:Account {id: id})
RETURN a.id AS accountId, c.id AS creatorId, c.createdAt.epochSeconds AS createdS, c.createdAt.nanosecond AS createdNs,
       COUNT { (c)-[:HAS_ACCOUNT]->(:Account) } AS accountCount,
       a {.id, .platform, .followers, .usernameLower, .active, .lastPostAt, .displayName} AS account
