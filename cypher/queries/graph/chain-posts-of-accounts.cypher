// Posts of these accounts that take part in some chain (an AMPLIFIED edge either way): whose chain
// summaries change when the accounts go inactive or come back (graph/chain-roots.ts).
UNWIND $ids AS id
MATCH (:Account {id: id})-[:POSTED]->(p:Post)
WHERE EXISTS { (p)-[:AMPLIFIED]-(:Post) }
RETURN DISTINCT p.id AS id
