// Which of the usernames already have an account on the platform.
UNWIND $usernames AS u
MATCH (a:Account {platform: $platform, usernameLower: u})
RETURN u AS username, a.id AS id
