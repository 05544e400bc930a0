// Matches by status and score, strongest first; $statuses null means all.
MATCH (t:Account)-[m:MATCHED_TO]->(x:Account)
WHERE ($statuses IS NULL OR m.status IN $statuses) AND ($minScore IS NULL OR m.score >= $minScore)
WITH t, m, x ORDER BY m.score DESC, m.id
WITH collect([t.id, m, x.id]) AS rows
RETURN size(rows) AS total, [r IN rows[$skip..$skip + $limit] | {props: properties(r[1]), tiktokId: r[0], xId: r[2]}] AS matches
