// One level of a neighborhood walk: the frontier nodes (each a {kind, key} map: the node's kind and
// its stable key) and, for each, its $perNode heaviest neighbours over the model's relationships
// (snapshots, match events and matcher bookkeeping are left out). A node without neighbours still
// comes back once.
// The frontier is one list of maps, never one list per kind: Neo4j caches a plan per query text and
// parameter types, an empty list types differently from a list of strings, and planning this
// statement costs most of a second, so six per-kind lists meant a new plan for every mix of kinds
// a frontier happened to hold. Each branch still seeks its kind's unique index.
CALL () {
  UNWIND $frontier AS f WITH f WHERE f.kind = 'CREATOR' MATCH (n:Creator {id: f.key}) RETURN n
  UNION
  UNWIND $frontier AS f WITH f WHERE f.kind = 'ACCOUNT' MATCH (n:Account {id: f.key}) RETURN n
  UNION
  UNWIND $frontier AS f WITH f WHERE f.kind = 'POST' MATCH (n:Post {id: f.key}) RETURN n
  UNION
  UNWIND $frontier AS f WITH f WHERE f.kind = 'HASHTAG' MATCH (n:Hashtag {tag: f.key}) RETURN n
  UNION
  UNWIND $frontier AS f WITH f WHERE f.kind = 'BRAND' MATCH (n:Brand {id: f.key}) RETURN n
  UNION
  UNWIND $frontier AS f WITH f WHERE f.kind = 'CAMPAIGN' MATCH (n:Campaign {id: f.key}) RETURN n
}
CALL (n) {
  OPTIONAL MATCH (n)-[r:HAS_ACCOUNT|POSTED|TAGGED|MENTIONS|MATCHED_TO|AMPLIFIED|OWNS|INCLUDES|SPONSORS]-(m)
  WITH r, m, coalesce(m.engagement, toFloat(m.followers), toFloat(m.reachHigh), 0.0) AS w
  ORDER BY w DESC
  LIMIT toInteger($perNode)
  RETURN r, m
}
RETURN n {.id, .tag, .name, .displayName, .username, .platform, .engagement, .followers, .reachHigh, text: left(n.text, 80), labels: labels(n)} AS node,
       m {.id, .tag, .name, .displayName, .username, .platform, .engagement, .followers, .reachHigh, text: left(m.text, 80), labels: labels(m)} AS other,
       type(r) AS type,
       r IS NOT NULL AND startNode(r) = n AS outgoing,
       CASE type(r) WHEN 'AMPLIFIED' THEN r.confidence WHEN 'MATCHED_TO' THEN toFloat(r.score) ELSE null END AS weight,
       CASE type(r) WHEN 'AMPLIFIED' THEN r.kind ELSE null END AS kind
