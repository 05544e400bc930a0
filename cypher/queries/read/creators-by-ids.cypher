UNWIND $ids AS id
MATCH (c:Creator {id: id})
RETURN c {.id, .displayName, .active, .tracked, .tier, .backfilled,
   lastPostAt: c.lastPostAt.epochMillis, createdAt: c.createdAt.epochMillis, updatedAt: c.updatedAt.epochMillis} AS creator
