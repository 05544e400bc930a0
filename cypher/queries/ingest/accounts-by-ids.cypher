// Which of these accounts the graph holds, with their handle (for post URLs) and state.
UNWIND $ids AS id
MATCH (a:Account {id: id})
RETURN a.id AS id, a.platformUserId AS platformUserId, a.username AS username, a.active AS active
