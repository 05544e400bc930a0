UNWIND $rows AS r
MERGE (e:MatchEvent {id: r.id})
  ON CREATE SET e.matchId = r.matchId, e.kind = r.kind, e.previousStatus = r.previousStatus,
                e.previousScore = r.previousScore, e.status = r.status, e.score = r.score,
                e.at = datetime(r.at), e.actor = r.actor, e.note = r.note
RETURN count(e) AS recorded
