// Waiting amplifications whose source is one of these posts and is in the graph now (just written,
// or written by a concurrent sync while the amplifier's edge was being parked).
UNWIND $ids AS id
MATCH (x:PendingAmplification {sourceId: id})
WHERE EXISTS { MATCH (:Post {id: id}) }
RETURN x.amplifierId AS amplifierId, x.sourceId AS sourceId, x.kind AS kind, x.confidence AS confidence
