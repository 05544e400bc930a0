// The first hour the rollup holds (the start of the graph's post data), through the hour index.
MATCH (th:TagHour)
WHERE th.hour IS NOT NULL
RETURN th.hour.epochMillis AS start
ORDER BY th.hour ASC
LIMIT 1
