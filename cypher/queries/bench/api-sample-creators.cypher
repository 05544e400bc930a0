// The API benchmark's creator(id) sample: creators with an account on both platforms, spread over the
// id order (every $step-th), so the detail query is timed over many creators, not one cached answer.
MATCH (c:Creator)
WHERE c.active = true AND COUNT { (c)-[:HAS_ACCOUNT]->(:Account) } = 2
WITH c.id AS id ORDER BY id
WITH collect(id) AS ids
RETURN [i IN range(0, size(ids) - 1, $step) | ids[i]][0..$n] AS ids
