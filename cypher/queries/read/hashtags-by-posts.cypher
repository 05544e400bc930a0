UNWIND $ids AS id
MATCH (:Post {id: id})-[:TAGGED]->(h:Hashtag)
WITH id, h.tag AS tag ORDER BY tag
RETURN id, collect(tag) AS tags
