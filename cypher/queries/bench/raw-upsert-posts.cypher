// The benchmark's baseline: the same post rows as graph/upsert-posts, written the plainest way
// (MERGE on the key, SET the properties, the author edge), into a separate label.
UNWIND $rows AS r
MATCH (author:Account {id: r.authorId})
MERGE (p:BenchRawPost {id: r.id})
SET p.platform = r.props.platform, p.platformPostId = r.props.platformPostId, p.url = r.props.url, p.text = r.props.text,
    p.createdAt = datetime(r.createdAt), p.views = r.props.views, p.likes = r.props.likes, p.comments = r.props.comments,
    p.shares = r.props.shares, p.quotes = r.props.quotes, p.bookmarks = r.props.bookmarks, p.fetchedAt = datetime(r.fetchedAt)
MERGE (author)-[:RAW_POSTED]->(p)
