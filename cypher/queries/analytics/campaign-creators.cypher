// The creators a campaign includes (chains of a campaign are chains of its creators).
MATCH (:Campaign {id: $id})-[:INCLUDES]->(c:Creator)
RETURN c.id AS id
