// Both directions at once: what each post amplifies and what amplifies it.
UNWIND $ids AS id
MATCH (p:Post {id: id})
OPTIONAL MATCH (p)-[o:AMPLIFIED]->(src:Post)
WITH id, p, collect(CASE WHEN o IS NULL THEN null ELSE o {.*, amplifierId: p.id, sourceId: src.id} END) AS out
OPTIONAL MATCH (later:Post)-[i:AMPLIFIED]->(p)
RETURN id, out AS amplifies, collect(CASE WHEN i IS NULL THEN null ELSE i {.*, amplifierId: later.id, sourceId: p.id} END) AS amplifiedBy
