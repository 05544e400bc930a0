// One level of a neighborhood walk: the frontier nodes (by their stable keys, per kind) and, for
// each, its $perNode heaviest neighbours over the model's relationships (snapshots, match events
// and matcher bookkeeping are left out). A node without neighbours still comes back once.
CALL () {
  UNWIND $creatorIds AS id MATCH (n:Creator {id: id}) RETURN n
  UNION
  UNWIND $accountIds AS id MATCH (n:Account {id: id}) RETURN n
  UNION
  UNWIND $postIds AS id MATCH (n:Post {id: id}) RETURN n
  UNION
  UNWIND $tags AS t MATCH (n:Hashtag {tag: t}) RETURN n
  UNION
  UNWIND $brandIds AS id MATCH (n:Brand {id: id}) RETURN n
  UNION
  UNWIND $campaignIds AS id MATCH (n:Campaign {id: id}) RETURN n
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
