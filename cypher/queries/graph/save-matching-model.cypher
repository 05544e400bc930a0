// The Fellegi-Sunter parameters the last full run learnt (m and u per comparison level as JSON,
// the prior, and the population they are relative to), kept in one node so the incremental
// matcher scores new accounts with the learnt model rather than the defaults. The last run wins.
MERGE (m:MatchingModel {id: $row.id})
SET m.m = $row.m,
    m.u = $row.u,
    m.matchesPerAccount = $row.matchesPerAccount,
    m.tiktokAccounts = $row.tiktokAccounts,
    m.xAccounts = $row.xAccounts,
    m.iterations = $row.iterations,
    m.converged = $row.converged,
    m.runId = $row.runId,
    m.learntAt = datetime($row.learntAt)
RETURN m.id AS id
