// Lookalikes of one creator by Adamic-Adar over two kinds of shared neighbours: hashtags both
// creators used, and accounts that amplified posts of both. Each shared neighbour adds
// 1 / ln(1 + number of creators it touches), so a tag everybody uses (#fyp) or an account that
// reposts everyone counts for little and a niche one for a lot. Posts of inactive accounts and the
// creator's own accounts (its cross-posts) are not evidence.
MATCH (c:Creator {id: $id})
CALL (c) {
  MATCH (c)-[:HAS_ACCOUNT]->(:Account)-[:POSTED]->(p:Post)-[:TAGGED]->(h:Hashtag)
  WHERE NOT coalesce(p.removed, false)
  WITH DISTINCT c, h
  MATCH (h)<-[:TAGGED]-(q:Post)<-[:POSTED]-(:Account)<-[:HAS_ACCOUNT]-(o:Creator)
  WHERE NOT coalesce(q.removed, false)
  WITH c, h, collect(DISTINCT o) AS users
  WITH c, h, users, 1.0 / log(1 + size(users)) AS w
  UNWIND users AS o
  WITH o, h, w WHERE o <> c
  RETURN o, sum(w) AS score, collect({tag: h.tag, w: w}) AS tags, 0 AS amplifiers
  UNION ALL
  MATCH (c)-[:HAS_ACCOUNT]->(:Account)-[:POSTED]->(:Post)<-[:AMPLIFIED]-(:Post)<-[:POSTED]-(amp:Account)
  WHERE NOT EXISTS { (c)-[:HAS_ACCOUNT]->(amp) } AND coalesce(amp.active, true)
  WITH DISTINCT c, amp
  MATCH (amp)-[:POSTED]->(:Post)-[:AMPLIFIED]->(:Post)<-[:POSTED]-(:Account)<-[:HAS_ACCOUNT]-(o:Creator)
  WHERE NOT EXISTS { (o)-[:HAS_ACCOUNT]->(amp) }
  WITH c, amp, collect(DISTINCT o) AS amplified
  WITH c, amp, amplified, 1.0 / log(1 + size(amplified)) AS w
  UNWIND amplified AS o
  WITH o, amp, w WHERE o <> c
  RETURN o, sum(w) AS score, [] AS tags, count(DISTINCT amp) AS amplifiers
}
WITH o, sum(score) AS score, collect(tags) AS tagLists, sum(amplifiers) AS sharedAmplifiers
WHERE coalesce(o.active, true)
ORDER BY score DESC, o.id
LIMIT toInteger($first)
RETURN o.id AS id, score, reduce(acc = [], l IN tagLists | acc + l) AS tags, sharedAmplifiers
