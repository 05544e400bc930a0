// Launch candidates of one brand: hashtags its own accounts used on both platforms in the window,
// with each platform's first own post. A launch topic is one the brand introduced on each platform
// (its own first post there is the earliest with the tag there in the graph: a trend the brand
// started on one side and joined late on the other is not its launch) and whose use bunches up
// after its first post (at least $concentration of all posts with the tag within $launchDays of
// it): the category tags a brand also uses every week are spread over the whole window instead.
MATCH (b:Brand {id: $id})-[:OWNS]->(a:Account)-[:POSTED]->(p:Post)-[:TAGGED]->(h:Hashtag)
WHERE ($since IS NULL OR p.createdAt >= datetime($since)) AND ($until IS NULL OR p.createdAt <= datetime($until))
WITH h, p ORDER BY p.createdAt
WITH h, collect(p {.id, .platform, .createdAt}) AS own
WHERE any(x IN own WHERE x.platform = 'X') AND any(x IN own WHERE x.platform = 'TIKTOK')
CALL (h, own) {
  MATCH (h)<-[:TAGGED]-(q:Post)
  RETURN min(CASE WHEN q.platform = 'X' THEN q.createdAt END) AS firstX,
         min(CASE WHEN q.platform = 'TIKTOK' THEN q.createdAt END) AS firstTiktok,
         count(q) AS uses,
         count(CASE WHEN q.createdAt <= own[0].createdAt + duration({days: $launchDays}) THEN 1 END) AS early
}
WITH h, own, firstX, firstTiktok, uses, early
WHERE firstX >= [x IN own WHERE x.platform = 'X'][0].createdAt
  AND firstTiktok >= [x IN own WHERE x.platform = 'TIKTOK'][0].createdAt
  AND early >= $concentration * uses
CALL (h) {
  MATCH (h)<-[:TAGGED]-(q:Post)
  WITH q ORDER BY q.createdAt LIMIT toInteger($postsPerLaunch)
  RETURN collect(q.id) AS postIds
}
RETURN h.tag AS topic, own, postIds
ORDER BY own[0].createdAt
