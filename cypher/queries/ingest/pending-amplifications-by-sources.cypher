// Waiting amplifications whose source is one of these (just written) posts.
UNWIND $ids AS id
MATCH (x:PendingAmplification {sourceId: id})
RETURN x.amplifierId AS amplifierId, x.sourceId AS sourceId, x.kind AS kind, x.confidence AS confidence
