// Keyset pagination of the creator list (issue 15): one stored, unique, never-null order key per
// CreatorOrderField (src/graph/order-keys.ts gives the format), each under a range index, so a page
// is a range seek read in index order, not a sort of every creator. The write path keeps the keys
// current (set-creator-derived, merge-creator-groups, upsert-accounts, split-creators,
// set-creator-tracking). Also: text indexes for the list's search filter, and (active, backfilled)
// for totalCount under the default filter, counted from the index.
CREATE INDEX creator_order_reach IF NOT EXISTS FOR (c:Creator) ON (c.orderReach);
CREATE INDEX creator_order_tiktok IF NOT EXISTS FOR (c:Creator) ON (c.orderTiktok);
CREATE INDEX creator_order_x IF NOT EXISTS FOR (c:Creator) ON (c.orderX);
CREATE INDEX creator_order_last_post IF NOT EXISTS FOR (c:Creator) ON (c.orderLastPost);
CREATE INDEX creator_order_name IF NOT EXISTS FOR (c:Creator) ON (c.orderName);
CREATE INDEX creator_listed IF NOT EXISTS FOR (c:Creator) ON (c.active, c.backfilled);
CREATE TEXT INDEX creator_search_text IF NOT EXISTS FOR (c:Creator) ON (c.searchText);
CREATE TEXT INDEX creator_display_text IF NOT EXISTS FOR (c:Creator) ON (c.displayNameLower);
// Score order within a status for the match list and review queue (keyset on score and id).
CREATE INDEX matched_to_status_score IF NOT EXISTS FOR ()-[m:MATCHED_TO]-() ON (m.status, m.score, m.id);
// Existing creators: flags the list filters on made non-null, and every key computed as the code
// computes it (a creator never refreshed counts as 0 reach and no post, as the old list sorted it).
MATCH (c:Creator)
SET c.active = coalesce(c.active, true),
    c.backfilled = coalesce(c.backfilled, false),
    c.displayNameLower = coalesce(c.displayNameLower, ''),
    c.orderReach = right('000000000000000' + toString(toInteger(round(coalesce(c.reachHigh, 0)))), 15) + '|' + c.id,
    c.orderTiktok = right('000000000000000' + toString(toInteger(round(coalesce(c.tiktokFollowers, 0)))), 15) + '|' + c.id,
    c.orderX = right('000000000000000' + toString(toInteger(round(coalesce(c.xFollowers, 0)))), 15) + '|' + c.id,
    c.orderLastPost = right('000000000000000' + toString(coalesce(c.lastPostAt.epochMillis, 0)), 15) + '|' + c.id,
    c.orderName = 'n' + coalesce(c.displayNameLower, '') + '\u0001' + c.id;
