// Analytics: a full-text index over post text, for attribution by phrase (Query.attribution(text)).
CREATE FULLTEXT INDEX post_text IF NOT EXISTS FOR (p:Post) ON EACH [p.text];
