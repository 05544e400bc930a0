// The benchmark's baseline: the same post rows as graph/upsert-posts, written the plainest way
// (MERGE on the key, SET the properties, the author edge), into a separate label.
UNWIND $rows AS r
MATCH (author:Account {id: r.authorId})
MERGE (p:BenchRawPost {id: r.id})
SET p.platform = r.platform, p.platformPostId = r.platformPostId, p.url = r.url, p.text = r.text,
    p.createdAt = datetime(r.createdAt), p.views = r.views, p.likes = r.likes, p.comments = r.comments,
    p.shares = r.shares, p.quotes = r.quotes, p.bookmarks = r.bookmarks, p.fetchedAt = datetime(r.fetchedAt)
MERGE (author)-[:RAW_POSTED]->(p)
