// Link and own-site domain keys (at most one of each per account) move from (:BlockKey) nodes to
// indexed Account properties: one property write per account instead of a node and an edge per
// key. Keys stored the old way are forgotten and dropped from each account's list, so the next
// sync of the account (incremental matching, or the next full run) stores them the new way.
CREATE INDEX account_link_key IF NOT EXISTS FOR (a:Account) ON (a.linkKey);
CREATE INDEX account_domain_key IF NOT EXISTS FOR (a:Account) ON (a.domainKey);
MATCH (k:BlockKey) WHERE k.key STARTS WITH 'link:' OR k.key STARTS WITH 'domain:' DETACH DELETE k;
MATCH (a:Account)
WHERE any(k IN coalesce(a.blockKeys, []) WHERE k STARTS WITH 'link:' OR k STARTS WITH 'domain:')
SET a.blockKeys = [k IN a.blockKeys WHERE NOT (k STARTS WITH 'link:' OR k STARTS WITH 'domain:')];
