// Matches by status, the most valuable decisions first: uncertainty (score x (100 - score), largest
// at 50) times reach (log of the pair's followers); $statuses null means all.
MATCH (t:Account)-[m:MATCHED_TO]->(x:Account)
WHERE ($statuses IS NULL OR m.status IN $statuses) AND ($minScore IS NULL OR m.score >= $minScore)
WITH t, m, x, m.score * (100 - m.score) * log10(10 + coalesce(t.followers, 0) + coalesce(x.followers, 0)) AS value
ORDER BY value DESC, m.id
WITH collect([t.id, m, x.id]) AS rows
RETURN size(rows) AS total, [r IN rows[$skip..$skip + $limit] | {props: properties(r[1]), tiktokId: r[0], xId: r[2]}] AS matches
