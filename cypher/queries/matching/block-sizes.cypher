// How many accounts hold each blocking key: handles, links, domains and names by their indexed
// account properties, name and handle words by the full-text word index (counted up to
// $wordCap + 1: past the cap a word pairs nothing, so its exact count does not matter), stored
// keys by the degree of their BlockKey, own profiles by the account with that username.
CALL () {
  UNWIND $handles AS h
  RETURN 'handle:' + h AS key, COUNT { MATCH (a:Account {handleNorm: h}) } AS size
  UNION ALL
  UNWIND $links AS key
  RETURN key, COUNT { MATCH (a:Account {linkKey: key}) } AS size
  UNION ALL
  UNWIND $domains AS key
  RETURN key, COUNT { MATCH (a:Account {domainKey: key}) } AS size
  UNION ALL
  UNWIND $names AS key
  RETURN key, COUNT { MATCH (a:Account {nameKey: key}) } AS size
  UNION ALL
  UNWIND $words AS w
  CALL (w) {
    CALL db.index.fulltext.queryNodes('account_name_words', '"' + w + '"') YIELD node
    WITH node LIMIT toInteger($wordCap) + 1
    RETURN count(node) AS size
  }
  RETURN 'token:' + w AS key, size
  UNION ALL
  UNWIND $keys AS key
  OPTIONAL MATCH (k:BlockKey {key: key})
  RETURN key, CASE WHEN k IS NULL THEN 0 ELSE COUNT { (k)<-[:HAS_KEY]-() } END AS size
}
RETURN key, size
