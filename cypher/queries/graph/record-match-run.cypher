// One full matching run, as the runMatching mutation returns it.
MERGE (r:MatchingRun {id: $run.id})
SET r.startedAt = datetime($run.startedAt),
    r.finishedAt = datetime($run.finishedAt),
    r.accountsConsidered = $run.accountsConsidered,
    r.candidatePairs = $run.candidatePairs,
    r.auto = $run.auto,
    r.pending = $run.pending,
    r.unchanged = $run.unchanged,
    r.created = $run.created,
    r.changed = $run.changed,
    r.keysSynced = $run.keysSynced,
    r.oversizedKeys = $run.oversizedKeys,
    r.durationMs = $run.durationMs
RETURN r.id AS id
