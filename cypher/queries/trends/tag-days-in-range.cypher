// The daily hashtag rollup over the days [from, to): one row per tag, platform and UTC day with
// its 24 hourly distinct-account counts (the first-post times are read only for the days a spike
// needs: trends/tag-day-firsts). Days without any active account are skipped.
MATCH (d:TagDay)
WHERE d.day >= datetime($from) AND d.day < datetime($to) AND d.total > 0
RETURN d.tag AS tag, d.platform AS platform, d.day.epochMillis AS day, d.counts AS counts
