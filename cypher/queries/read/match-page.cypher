// A page of matches, strongest first (score, then id, both descending), keyset from the cursor's
// ($score, $id); first page: $score 101 (above every score), $id ''. For each status asked for,
// two seeks on the (status, score, id) index, each read in index order and cut at $skip + $take:
// the rest of the cursor's score (same score, smaller id) and the lower scores. Merging those
// runs is a sort of at most 2 x statuses x ($skip + $take) rows, whatever the number of matches.
// $minScore -1 means none; $skip serves old offset cursors.
UNWIND $statuses AS s
CALL (s) {
  MATCH ()-[m:MATCHED_TO]->()
  WHERE m.status = s AND m.score = $score AND m.id < $id AND m.score >= $minScore
  WITH m ORDER BY m.status DESC, m.score DESC, m.id DESC LIMIT toInteger($skip + $take)
  RETURN m
  UNION ALL
  MATCH ()-[m:MATCHED_TO]->()
  WHERE m.status = s AND m.score < $score AND m.score >= $minScore AND m.id IS NOT NULL
  WITH m ORDER BY m.status DESC, m.score DESC, m.id DESC LIMIT toInteger($skip + $take)
  RETURN m
}
WITH m ORDER BY m.score DESC, m.id DESC SKIP toInteger($skip) LIMIT toInteger($take)
MATCH (t:Account)-[m]->(x:Account)
RETURN {props: properties(m), tiktokId: t.id, xId: x.id} AS match
ORDER BY m.score DESC, m.id DESC
