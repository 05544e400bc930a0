// A brand's corner of the graph, capped to $limit nodes here rather than in the caller, so only the
// kept nodes and their edges travel: the brand, its accounts, their posts (since $since), those
// posts' hashtags, the posts that amplified them or mention the brand's accounts, those posts'
// authors and the authors' creators.
//
// Hops from the brand follow from the shape: brand 0, its accounts 1, their posts 2, hashtags 3;
// an amplifying post 3 (2 when a brand account wrote it or it mentions one: a mention touches the
// account directly); an author one more than its nearest post here (1 for a brand account); a
// creator one more than its nearest account. Kept: fewest hops first (so every kept node keeps
// its path back to the brand), then the heaviest (post engagement, account followers, creator
// reach high end, hashtag: brand posts carrying it), then id. Edges: those of the corner whose
// two ends are both kept, once each, by id (AMPLIFIED edges with their kind). One row: nodes in rank order and edges; no row for
// an unknown brand.
MATCH (b:Brand {id: $brandId})
OPTIONAL MATCH (b)-[:OWNS]->(a:Account)
WITH b, collect(a) AS owned
CALL (owned) {
  UNWIND owned AS a
  MATCH (a)-[:POSTED]->(p:Post)
  WHERE $since IS NULL OR p.createdAt >= datetime($since)
  RETURN collect(p) AS posts
}
CALL (owned, posts) {
  CALL (owned, posts) {
    UNWIND posts AS p
    MATCH (qa:Account)-[:POSTED]->(q:Post)-[r:AMPLIFIED]->(p)
    RETURN q, qa, p AS target, 'AMPLIFIED' AS type, r.confidence AS weight, r.kind AS kind, 3 AS hop
    UNION ALL
    UNWIND owned AS a
    MATCH (qa:Account)-[:POSTED]->(q:Post)-[:MENTIONS]->(a)
    WHERE $since IS NULL OR q.createdAt >= datetime($since)
    RETURN q, qa, a AS target, 'MENTIONS' AS type, null AS weight, null AS kind, 2 AS hop
  }
  RETURN collect({q: q, qa: qa, target: target, type: type, weight: weight, kind: kind, hop: CASE WHEN qa IN owned THEN 2 ELSE hop END}) AS links
}
CALL (b, owned, posts, links) {
  CALL (b, owned, posts, links) {
    RETURN b AS n, 0 AS hop, 0.0 AS w
    UNION ALL
    UNWIND owned AS a
    RETURN a AS n, 1 AS hop, toFloat(coalesce(a.followers, 0)) AS w
    UNION ALL
    UNWIND posts AS p
    RETURN p AS n, 2 AS hop, toFloat(coalesce(p.engagement, 0)) AS w
    UNION ALL
    UNWIND posts AS p
    MATCH (p)-[:TAGGED]->(h:Hashtag)
    WITH h, count(DISTINCT p) AS uses
    RETURN h AS n, 3 AS hop, toFloat(uses) AS w
    UNION ALL
    UNWIND links AS l
    WITH l.q AS q, l.hop AS hop
    RETURN q AS n, hop, toFloat(coalesce(q.engagement, 0)) AS w
    UNION ALL
    UNWIND links AS l
    WITH l.qa AS qa, min(l.hop) + 1 AS qaHop
    WHERE NOT qa IN owned
    CALL (qa, qaHop) {
      RETURN qa AS n, qaHop AS hop, toFloat(coalesce(qa.followers, 0)) AS w
      UNION ALL
      MATCH (c:Creator)-[:HAS_ACCOUNT]->(qa)
      RETURN c AS n, qaHop + 1 AS hop, toFloat(coalesce(c.reachHigh, 0)) AS w
    }
    RETURN n, hop, w
  }
  WITH n, min(hop) AS hop, max(w) AS w
  WITH n, hop, w, CASE WHEN n:Hashtag THEN 'hashtag:' + n.tag ELSE n.id END AS id
  ORDER BY hop, w DESC, id
  LIMIT toInteger($limit)
  RETURN collect(n) AS kept,
         collect(n {.id, .tag, .name, .displayName, .username, .platform, .engagement, .followers, .reachHigh,
                    text: left(n.text, 80), labels: labels(n), uses: CASE WHEN n:Hashtag THEN toInteger(w) END}) AS nodes
}
CALL (b, owned, posts, links, kept) {
  CALL (b, owned, posts, links, kept) {
    UNWIND owned AS a
    WITH a WHERE a IN kept
    RETURN b AS s, a AS d, 'OWNS' AS type, null AS weight, null AS kind
    UNION ALL
    UNWIND posts AS p
    WITH p WHERE p IN kept
    MATCH (a:Account)-[:POSTED]->(p)
    WHERE a IN kept
    RETURN a AS s, p AS d, 'POSTED' AS type, p.engagement AS weight, null AS kind
    UNION ALL
    UNWIND posts AS p
    WITH p WHERE p IN kept
    MATCH (p)-[:TAGGED]->(h:Hashtag)
    WHERE h IN kept
    RETURN p AS s, h AS d, 'TAGGED' AS type, null AS weight, null AS kind
    UNION ALL
    UNWIND links AS l
    WITH l WHERE l.q IN kept
    UNWIND [[l.q, l.target, l.type, l.weight, l.kind], [l.qa, l.q, 'POSTED', l.q.engagement, null]] AS e
    WITH e WHERE e[0] IN kept AND e[1] IN kept
    RETURN e[0] AS s, e[1] AS d, e[2] AS type, e[3] AS weight, e[4] AS kind
    UNION ALL
    UNWIND kept AS c
    WITH c WHERE c:Creator
    MATCH (c)-[:HAS_ACCOUNT]->(qa:Account)
    WHERE qa IN kept AND NOT qa IN owned
    RETURN c AS s, qa AS d, 'HAS_ACCOUNT' AS type, null AS weight, null AS kind
  }
  WITH s, d, type, collect(weight)[0] AS weight, collect(kind)[0] AS kind
  WITH type, s.id AS source, CASE WHEN d:Hashtag THEN 'hashtag:' + d.tag ELSE d.id END AS target, weight, kind
  ORDER BY type + ':' + source + '->' + target
  RETURN collect({type: type, source: source, target: target, weight: weight, kind: kind}) AS edges
}
RETURN nodes, edges
