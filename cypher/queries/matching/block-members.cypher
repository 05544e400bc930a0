// Accounts holding any of the given blocking keys: by normalised handle, link, domain and name
// key (all indexed account properties), by name or handle word (the full-text word index), by
// stored BlockKey, and by username for profile keys (an account's own profile is its username,
// not a stored key).
CALL () {
  UNWIND $handles AS h
  MATCH (a:Account {handleNorm: h})
  RETURN a
  UNION
  UNWIND $links AS l
  MATCH (a:Account {linkKey: l})
  RETURN a
  UNION
  UNWIND $domains AS d
  MATCH (a:Account {domainKey: d})
  RETURN a
  UNION
  UNWIND $names AS n
  MATCH (a:Account {nameKey: n})
  RETURN a
  UNION
  UNWIND $words AS w
  CALL db.index.fulltext.queryNodes('account_name_words', '"' + w + '"') YIELD node
  RETURN node AS a
  UNION
  UNWIND $keys AS key
  MATCH (:BlockKey {key: key})<-[:HAS_KEY]-(a:Account)
  RETURN a
  UNION
  UNWIND $profiles AS p
  MATCH (a:Account {platform: p.platform, usernameLower: p.username})
  RETURN a
}
RETURN a.id AS id, a.platform AS platform, a.username AS username, a.displayName AS displayName,
       a.bio AS bio, a.bioLink AS bioLink, a.blockKeys AS blockKeys
