// Invariant: no two relationships of one type join the same two nodes in the same direction (every
// relationship the write path makes is MERGEd or created under a lock). Grouped per start node, so
// memory stays small on a large graph. Returns each type with duplicates and the extra copies.
MATCH (a)
CALL (a) {
  MATCH (a)-[r]->(b)
  WITH b, type(r) AS type, count(r) AS n
  WHERE n > 1
  RETURN type, n
}
RETURN type, count(*) AS pairs, sum(n - 1) AS extra
ORDER BY type
