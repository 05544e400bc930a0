// The hourly hashtag rollup over [from, to): one row per tag and platform with its non-empty
// hours in time order (epoch ms), distinct active accounts per hour, and each hour's first post.
MATCH (th:TagHour)
WHERE th.hour >= datetime($from) AND th.hour < datetime($to) AND th.creators > 0
WITH th ORDER BY th.hour
RETURN th.tag AS tag, th.platform AS platform,
       collect(th.hour.epochMillis) AS hours,
       collect(th.creators) AS counts,
       collect(th.firstAt.epochMillis) AS firsts
