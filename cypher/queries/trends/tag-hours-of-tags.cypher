// The rollup of given tags over [from, to), in the shape of tag-hours-in-range (live spike checks).
UNWIND $tags AS tag
MATCH (th:TagHour {tag: tag})
WHERE th.hour >= datetime($from) AND th.hour < datetime($to) AND th.creators > 0
WITH th ORDER BY th.hour
RETURN th.tag AS tag, th.platform AS platform,
       collect(th.hour.epochMillis) AS hours,
       collect(th.creators) AS counts,
       collect(th.firstAt.epochMillis) AS firsts
