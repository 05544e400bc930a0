MATCH (b:Brand)
WHERE $competitor IS NULL OR b.competitor = $competitor
RETURN b {.*} AS brand
ORDER BY b.name
