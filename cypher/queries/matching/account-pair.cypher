// The accounts named by a link request, with any joining match either one already has.
UNWIND $ids AS id
OPTIONAL MATCH (a:Account {id: id})
OPTIONAL MATCH (a)-[m:MATCHED_TO]-(other:Account)
WHERE m.status IN ['AUTO', 'MANUAL']
RETURN id, a IS NOT NULL AS exists, a.platform AS platform, collect(other.id) AS joinedWith
