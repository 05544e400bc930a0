// Ingest: amplifications waiting for their source post (see cypher/queries/ingest/stage-pending-amplifications).
CREATE CONSTRAINT pending_amplification_key IF NOT EXISTS FOR (x:PendingAmplification) REQUIRE (x.amplifierId, x.sourceId) IS UNIQUE;
CREATE INDEX pending_amplification_source IF NOT EXISTS FOR (x:PendingAmplification) ON (x.sourceId);
