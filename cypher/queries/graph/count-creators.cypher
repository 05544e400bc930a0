MATCH (c:Creator) RETURN count(c) AS creators
