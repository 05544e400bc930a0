// For comparison in bench/api-scale only: the creator list statement before keyset pagination
// (read/creator-list-desc at c5a2c54, default filter and order), which collects every matching
// creator, sorted, to slice one page and count them.
MATCH (c:Creator)
WHERE c.active = true AND coalesce(c.backfilled, false)
WITH c ORDER BY c.reachHigh DESC, c.id DESC
WITH collect(c) AS rows
RETURN size(rows) AS total, [x IN rows[$skip..$skip + $limit] | x {.*}] AS creators
