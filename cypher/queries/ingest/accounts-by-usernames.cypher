// Accounts of one platform by lower-cased handle (uses the (platform, usernameLower) index).
UNWIND $usernames AS u
MATCH (a:Account {platform: $platform, usernameLower: u})
RETURN a.id AS id, a.platformUserId AS platformUserId, a.usernameLower AS usernameLower
