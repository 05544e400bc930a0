MATCH (a:Account {platform: $platform, usernameLower: $usernameLower})
RETURN a {.*} AS account
ORDER BY a.active DESC, a.followers DESC
LIMIT 1
