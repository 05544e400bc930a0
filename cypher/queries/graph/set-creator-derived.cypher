// Stores values derived in code (reach band, per-platform followers, freshness, and the order keys
// that follow from them: src/graph/order-keys.ts) for ordering and filtering.
UNWIND $rows AS r
MATCH (c:Creator {id: r.id})
SET c += r.props,
    c.lastPostAt = CASE WHEN r.lastPostAt IS NULL THEN null ELSE datetime(r.lastPostAt) END,
    c.updatedAt = datetime()
RETURN count(c) AS updated
