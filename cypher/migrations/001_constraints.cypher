// Keys of the graph model. Every MERGE in the write path matches on one of these.
CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (m:Migration) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT creator_id IF NOT EXISTS FOR (c:Creator) REQUIRE c.id IS UNIQUE;
// Account id is "<platform>:<platform user id>", so it carries the platform + user id key.
CREATE CONSTRAINT account_id IF NOT EXISTS FOR (a:Account) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT post_id IF NOT EXISTS FOR (p:Post) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT hashtag_tag IF NOT EXISTS FOR (h:Hashtag) REQUIRE h.tag IS UNIQUE;
CREATE CONSTRAINT brand_id IF NOT EXISTS FOR (b:Brand) REQUIRE b.id IS UNIQUE;
CREATE CONSTRAINT campaign_id IF NOT EXISTS FOR (c:Campaign) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT match_event_id IF NOT EXISTS FOR (e:MatchEvent) REQUIRE e.id IS UNIQUE;
// One snapshot per account and fetch time, so a replayed refresh does not append twice.
CREATE CONSTRAINT snapshot_key IF NOT EXISTS FOR (s:AccountSnapshot) REQUIRE (s.accountId, s.at) IS UNIQUE;
