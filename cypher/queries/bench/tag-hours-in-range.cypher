// The hourly hashtag rollup over [from, to), read hour by hour: what the trend reads took before
// the daily rollup (graph/trend-rollup.ts). The trends benchmark times it against
// trends/tag-days-in-range. One row per tag and platform with its non-empty hours in time order.
MATCH (th:TagHour)
WHERE th.hour >= datetime($from) AND th.hour < datetime($to) AND th.creators > 0
WITH th ORDER BY th.hour
RETURN th.tag AS tag, th.platform AS platform,
       collect(th.hour.epochMillis) AS hours,
       collect(th.creators) AS counts,
       collect(th.firstAt.epochMillis) AS firsts
