// Makes sure each blocking key has its (:BlockKey) node, once per distinct key, before accounts
// are linked to them in bulk (create-block-keys).
UNWIND $keys AS key
MERGE (:BlockKey {key: key})
