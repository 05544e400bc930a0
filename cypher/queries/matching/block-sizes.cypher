// How many accounts hold each blocking key: handles, links and domains by their indexed account
// properties, stored keys by the degree of their BlockKey, own profiles by the account with that
// username.
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
  UNWIND $keys AS key
  OPTIONAL MATCH (k:BlockKey {key: key})
  RETURN key, CASE WHEN k IS NULL THEN 0 ELSE COUNT { (k)<-[:HAS_KEY]-() } END AS size
}
RETURN key, size
