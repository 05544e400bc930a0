UNWIND $ids AS id
MATCH (s:AccountSnapshot {accountId: id})
WHERE ($since IS NULL OR s.at >= datetime($since)) AND ($until IS NULL OR s.at < datetime($until))
WITH id, s ORDER BY s.at
RETURN id, collect(s {.*}) AS snapshots
