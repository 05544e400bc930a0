// The creator and tracking flags behind each given account (those that exist).
UNWIND $accountIds AS accountId
MATCH (c:Creator)-[:HAS_ACCOUNT]->(a:Account {id: accountId})
RETURN a.id AS accountId, c.id AS creatorId, coalesce(c.tracked, false) AS tracked
