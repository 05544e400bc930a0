// Both directions at once: what each post amplifies and what amplifies it. Posts of inactive
// accounts are left out on the other end, as amplification chains leave them out.
UNWIND $ids AS id
MATCH (p:Post {id: id})
OPTIONAL MATCH (p)-[o:AMPLIFIED]->(src:Post)
WHERE NOT coalesce(src.removed, false)
WITH id, p, collect(CASE WHEN o IS NULL THEN null ELSE o {.*, amplifierId: p.id, sourceId: src.id} END) AS out
OPTIONAL MATCH (later:Post)-[i:AMPLIFIED]->(p)
WHERE NOT coalesce(later.removed, false)
RETURN id, out AS amplifies, collect(CASE WHEN i IS NULL THEN null ELSE i {.*, amplifierId: later.id, sourceId: p.id} END) AS amplifiedBy
