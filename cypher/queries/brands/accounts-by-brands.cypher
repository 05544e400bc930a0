UNWIND $ids AS id
MATCH (b:Brand {id: id})-[:OWNS]->(a:Account)
WITH id, a ORDER BY a.platform
RETURN id, collect(a {.*}) AS accounts
