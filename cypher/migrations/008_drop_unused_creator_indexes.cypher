// Two Creator indexes no statement uses any more (every statement under cypher/queries was planned
// on a graph with matched creators: none chose them): reachHigh (the list walks orderReach since
// keyset pagination; minCombinedReach is a filter on that walk) and the range index on
// displayNameLower (the search filter's CONTAINS is served by the text index creator_display_text,
// the name order by orderName). Each cost every creator write an index update, and a matching
// run's creator merge (delete the folded creator, update the survivor) one more per index.
// creator_active stays: bench/creator-list-collect, the api-scale bench's "before" statement, seeks on it.
DROP INDEX creator_reach IF EXISTS;
DROP INDEX creator_display_lower IF EXISTS;
