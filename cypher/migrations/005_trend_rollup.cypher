// Hourly hashtag rollup (issue 10): one (:TagHour) per hashtag, platform and UTC hour, linked from
// each account that posted the tag in that hour. Keyed "<PLATFORM>|<tag>|<hour ISO>"; read by
// time range for hashtagTrends and categoryLags.
CREATE CONSTRAINT tag_hour_key IF NOT EXISTS FOR (t:TagHour) REQUIRE t.key IS UNIQUE;
CREATE INDEX tag_hour_hour IF NOT EXISTS FOR (t:TagHour) ON (t.hour);
CREATE INDEX tag_hour_tag IF NOT EXISTS FOR (t:TagHour) ON (t.tag);
// One notice per spike published on trendSpike, so API processes sharing the graph publish it once.
CREATE CONSTRAINT trend_spike_notice_key IF NOT EXISTS FOR (n:TrendSpikeNotice) REQUIRE n.key IS UNIQUE;
