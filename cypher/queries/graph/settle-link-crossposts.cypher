// Keeps the cross-post kind of link edges true to the creators as matching has them now: a LINK
// between two accounts of one creator is that creator's CROSSPOST (confidence from how the
// accounts were joined: a reviewer's link is certain, a machine match a little less); a CROSSPOST
// made from a link whose accounts were split goes back to a plain LINK. Text-detected cross-posts
// whose accounts were split are removed (without one creator they are not evidence of anything).
UNWIND $ids AS pid
MATCH (p:Post {id: pid})
CALL (p) {
  MATCH (p)-[x:AMPLIFIED]->(o:Post) RETURN x, p AS am, o AS src
  UNION
  MATCH (o:Post)-[x:AMPLIFIED]->(p) RETURN x, o AS am, p AS src
}
WITH DISTINCT x, am, src
WHERE x.kind = 'LINK' OR (x.kind = 'CROSSPOST' AND x.via IS NOT NULL)
MATCH (aa:Account)-[:POSTED]->(am)
MATCH (sa:Account)-[:POSTED]->(src)
WITH x, am, src, aa, sa, aa <> sa AND EXISTS { MATCH (c:Creator)-[:HAS_ACCOUNT]->(aa) WHERE (c)-[:HAS_ACCOUNT]->(sa) } AS own
OPTIONAL MATCH (aa)-[m:MATCHED_TO]-(sa)
WITH x, m, am.id AS amId, src.id AS srcId,
     CASE
       WHEN own AND x.kind = 'LINK' THEN 'promote'
       WHEN own AND x.via = 'LINK' THEN 'refresh'
       WHEN NOT own AND x.kind = 'CROSSPOST' AND x.via = 'LINK' THEN 'demote'
       WHEN NOT own AND x.kind = 'CROSSPOST' AND x.via = 'TEXT' THEN 'remove'
       ELSE 'keep'
     END AS action
WHERE action <> 'keep'
FOREACH (_ IN CASE WHEN action IN ['promote', 'refresh'] THEN [1] ELSE [] END |
  SET x.kind = 'CROSSPOST', x.via = 'LINK',
      x.confidence = CASE m.status WHEN 'MANUAL' THEN 1.0 ELSE $machineJoinConfidence END)
FOREACH (_ IN CASE WHEN action = 'demote' THEN [1] ELSE [] END |
  SET x.kind = 'LINK', x.via = null, x.confidence = 1.0)
FOREACH (_ IN CASE WHEN action = 'remove' THEN [1] ELSE [] END | DELETE x)
// The ends of removed edges: their chains change (graph/refresh-chain-roots).
RETURN action, count(*) AS edges, CASE action WHEN 'remove' THEN collect(amId) + collect(srcId) ELSE [] END AS posts
