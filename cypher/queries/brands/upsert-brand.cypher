// Creates or updates a brand (id derived from its name, so creating it again is idempotent) and
// links the accounts it owns. Returns nothing when no account id exists, so callers resolve first.
MERGE (b:Brand {id: $id})
  ON CREATE SET b.createdAt = datetime()
SET b.name = $name, b.competitor = $competitor, b.updatedAt = datetime()
WITH b
CALL (b) {
  UNWIND $accountIds AS aid
  MATCH (a:Account {id: aid})
  MERGE (b)-[:OWNS]->(a)
}
RETURN b {.*} AS brand
