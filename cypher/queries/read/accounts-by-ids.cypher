UNWIND $ids AS id
MATCH (a:Account {id: id})
RETURN a {.*} AS account
