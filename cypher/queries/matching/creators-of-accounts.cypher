// Each account's creator and when the creator was made (seconds and nanoseconds, so ties made in
// one transaction compare as ties): what merging needs to keep the older id.
UNWIND $ids AS id
MATCH (c:Creator)-[:HAS_ACCOUNT]->(a:Account {id: id})
RETURN a.id AS accountId, c.id AS creatorId, c.createdAt.epochSeconds AS createdS, c.createdAt.nanosecond AS createdNs
