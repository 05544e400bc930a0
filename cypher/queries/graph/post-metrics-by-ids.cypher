// Counts already stored for these posts, kept when a response leaves them out.
UNWIND $ids AS id
MATCH (p:Post {id: id})
RETURN p.id AS id, p.views AS views, p.likes AS likes, p.comments AS comments, p.shares AS shares,
       p.quotes AS quotes, p.bookmarks AS bookmarks
