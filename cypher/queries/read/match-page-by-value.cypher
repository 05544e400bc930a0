// A page of matches, the most valuable decisions first: uncertainty (score x (100 - score),
// largest at 50) times reach (log of the pair's followers), then id, descending; keyset from the
// cursor's ($value, $id), first page $value null. The value depends on the accounts' current
// followers, so no stored key serves it: this reads every match of the statuses asked (through the
// status index) and keeps the top $skip + $take past the cursor (a top-k, not a collect).
MATCH (t:Account)-[m:MATCHED_TO]->(x:Account)
WHERE m.status IN $statuses AND m.score >= $minScore
WITH t, m, x, m.score * (100 - m.score) * log10(10 + coalesce(t.followers, 0) + coalesce(x.followers, 0)) AS value
WHERE $value IS NULL OR value < $value OR (value = $value AND m.id < $id)
RETURN {props: properties(m), tiktokId: t.id, xId: x.id} AS match, value
ORDER BY value DESC, m.id DESC SKIP toInteger($skip) LIMIT toInteger($take)
