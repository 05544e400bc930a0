// Blocking keys the incremental matcher traverses (link, own-site domain, profile pointers), and
// the record of each full matching run.
CREATE CONSTRAINT block_key IF NOT EXISTS FOR (k:BlockKey) REQUIRE k.key IS UNIQUE;
CREATE CONSTRAINT matching_run_id IF NOT EXISTS FOR (r:MatchingRun) REQUIRE r.id IS UNIQUE;
CREATE INDEX matching_run_started IF NOT EXISTS FOR (r:MatchingRun) ON (r.startedAt);
