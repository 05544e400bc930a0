UNWIND $ids AS id
MATCH (c:Creator)-[:HAS_ACCOUNT]->(:Account {id: id})
RETURN id, c {.id, .displayName, .active, .tracked, .tier, .backfilled,
   lastPostAt: c.lastPostAt.epochMillis, createdAt: c.createdAt.epochMillis, updatedAt: c.updatedAt.epochMillis} AS creator
