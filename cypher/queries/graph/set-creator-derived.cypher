// Stores values derived in code (reach band, per-platform followers, freshness) for ordering and filtering.
UNWIND $rows AS r
MATCH (c:Creator {id: r.id})
SET c.reachNaive = r.naive, c.reachLow = r.low, c.reachHigh = r.high,
    c.tiktokFollowers = r.tiktokFollowers, c.xFollowers = r.xFollowers,
    c.platforms = r.platforms,
    c.lastPostAt = CASE WHEN r.lastPostAt IS NULL THEN null ELSE datetime(r.lastPostAt) END,
    c.searchText = r.searchText,
    c.active = r.active,
    c.updatedAt = datetime()
RETURN count(c) AS updated
