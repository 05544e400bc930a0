// Ids of the posts the given accounts made (cross-posts of accounts a match joined or split).
UNWIND $ids AS aid
MATCH (:Account {id: aid})-[:POSTED]->(p:Post)
RETURN p.id AS id
