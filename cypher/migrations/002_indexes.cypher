// Lookups the API and the matcher make by something other than the key.
CREATE INDEX account_platform_username IF NOT EXISTS FOR (a:Account) ON (a.platform, a.usernameLower);
CREATE INDEX account_platform IF NOT EXISTS FOR (a:Account) ON (a.platform);
CREATE INDEX post_created_at IF NOT EXISTS FOR (p:Post) ON (p.createdAt);
CREATE INDEX post_platform_created IF NOT EXISTS FOR (p:Post) ON (p.platform, p.createdAt);
CREATE INDEX creator_active IF NOT EXISTS FOR (c:Creator) ON (c.active);
CREATE INDEX creator_reach IF NOT EXISTS FOR (c:Creator) ON (c.reachHigh);
CREATE INDEX creator_display_lower IF NOT EXISTS FOR (c:Creator) ON (c.displayNameLower);
CREATE INDEX matched_to_status IF NOT EXISTS FOR ()-[m:MATCHED_TO]-() ON (m.status);
CREATE INDEX matched_to_id IF NOT EXISTS FOR ()-[m:MATCHED_TO]-() ON (m.id);
CREATE INDEX match_event_match IF NOT EXISTS FOR (e:MatchEvent) ON (e.matchId);
CREATE INDEX account_username_norm IF NOT EXISTS FOR (a:Account) ON (a.handleNorm);
