// First-post times (epoch ms per hour, 0 when empty) of given rollup days, by key
// ("<PLATFORM>|<tag>|<YYYY-MM-DD>"): read only for the days that hold a spike's hours.
UNWIND $keys AS key
MATCH (d:TagDay {key: key})
RETURN d.tag AS tag, d.platform AS platform, d.day.epochMillis AS day, d.firsts AS firsts
