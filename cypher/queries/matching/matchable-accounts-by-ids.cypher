// The named accounts with what matching compares, and the blocking keys last stored for them.
UNWIND $ids AS id
MATCH (a:Account {id: id})
RETURN a.id AS id, a.platform AS platform, a.username AS username, a.displayName AS displayName,
       a.bio AS bio, a.bioLink AS bioLink, a.blockKeys AS blockKeys
