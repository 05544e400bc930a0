MATCH (c:Creator) RETURN c.id AS id
