UNWIND $ids AS id
MATCH (c:Creator {id: id})-[:HAS_ACCOUNT]->(a:Account)
WITH id, a ORDER BY a.platform
RETURN id, collect(a {.*}) AS accounts
