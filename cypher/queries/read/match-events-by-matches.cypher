UNWIND $ids AS id
MATCH (e:MatchEvent {matchId: id})
WITH id, e ORDER BY e.at, e.id
RETURN id, collect(e {.*}) AS events
