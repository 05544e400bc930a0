// Every account with what matching compares, the blocking keys last stored for it, and its
// creator as a merge needs it (graph/creators.ts AccountCreator: id, when made, how many accounts,
// and the account's values a merged creator derives from), so a full run plans its merges
// without reading creators again. HAS_ACCOUNT only ever leads to an account, so the count is the
// creator's degree (no node read).
MATCH (a:Account)
CALL (a) {
  OPTIONAL MATCH (c:Creator)-[:HAS_ACCOUNT]->(a)
  RETURN c
  LIMIT 1
}
RETURN a.id AS id, a.platform AS platform, a.username AS username, a.displayName AS displayName,
       a.bio AS bio, a.bioLink AS bioLink, a.blockKeys AS blockKeys,
       a.followers AS followers, a.usernameLower AS usernameLower, a.active AS active, a.lastPostAt.epochMillis AS lastPostMs,
       c.id AS creatorId, c.createdAt.epochSeconds AS creatorCreatedS, c.createdAt.nanosecond AS creatorCreatedNs,
       CASE WHEN c IS NULL THEN 0 ELSE COUNT { (c)-[:HAS_ACCOUNT]->() } END AS creatorAccounts
