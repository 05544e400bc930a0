// Creates (or, replayed with the same id, updates) a campaign with its sponsored creators and its
// sponsoring brand. Creator and brand ids are checked by the caller first.
MERGE (k:Campaign {id: $id})
  ON CREATE SET k.createdAt = datetime()
SET k.name = $name,
    k.hashtags = $hashtags,
    k.startsAt = CASE WHEN $startsAt IS NULL THEN null ELSE datetime($startsAt) END,
    k.endsAt = CASE WHEN $endsAt IS NULL THEN null ELSE datetime($endsAt) END,
    k.updatedAt = datetime()
WITH k
CALL (k) {
  UNWIND $creatorIds AS cid
  MATCH (c:Creator {id: cid})
  MERGE (k)-[:INCLUDES]->(c)
}
CALL (k) {
  UNWIND CASE WHEN $brandId IS NULL THEN [] ELSE [$brandId] END AS bid
  MATCH (b:Brand {id: bid})
  MERGE (b)-[:SPONSORS]->(k)
}
RETURN k {.*, brandId: $brandId} AS campaign
