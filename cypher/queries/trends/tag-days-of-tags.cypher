// The daily rollup of given tags over the days [from, to), in the shape of tag-days-in-range
// (live spike checks).
UNWIND $tags AS tag
MATCH (d:TagDay {tag: tag})
WHERE d.day >= datetime($from) AND d.day < datetime($to) AND d.total > 0
RETURN d.tag AS tag, d.platform AS platform, d.day.epochMillis AS day, d.counts AS counts, d.firsts AS firsts
