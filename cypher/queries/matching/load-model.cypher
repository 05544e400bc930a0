// The model the last full run learnt (save-model), if any.
MATCH (m:MatchingModel {id: $id})
RETURN m.m AS m, m.u AS u, m.matchesPerAccount AS matchesPerAccount, m.tiktokAccounts AS tiktokAccounts,
       m.xAccounts AS xAccounts, m.iterations AS iterations, m.converged AS converged, m.runId AS runId,
       toString(m.learntAt) AS learntAt
