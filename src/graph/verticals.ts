/**
 * The verticals (content categories) the trend analytics report per category, and the everyday
 * hashtags that mark each one. Providers give no category, so an account's vertical is read from
 * its content: the vertical whose hashtags below it uses most (see
 * cypher/queries/graph/set-account-verticals). A hashtag's category is then the vertical most of
 * the accounts posting it share (analytics/trends).
 *
 * These are common, long-lived tags of each vertical on TikTok and X (a taxonomy, not a trend
 * list); trending tags are never listed here, so a trend's category comes from who posts it.
 */
export const VERTICAL_TAGS: Record<string, readonly string[]> = {
  beauty: ['makeup', 'skincare', 'grwm', 'beautytips', 'makeuptutorial', 'beauty', 'skincareroutine'],
  gaming: ['gaming', 'gamer', 'twitch', 'fortnite', 'minecraft', 'videogames', 'esports'],
  news: ['news', 'breaking', 'politics', 'worldnews', 'breakingnews'],
  tech: ['tech', 'ai', 'coding', 'gadgets', 'iphone', 'technology', 'programming'],
  food: ['foodie', 'recipe', 'cooking', 'baking', 'easyrecipe', 'foodtok', 'food'],
  fitness: ['fitness', 'gym', 'workout', 'fitcheck', 'running', 'gymtok'],
  music: ['music', 'newmusic', 'cover', 'singer', 'musician'],
  comedy: ['comedy', 'funny', 'relatable', 'skit', 'memes'],
  fashion: ['fashion', 'ootd', 'style', 'thrifted', 'outfitinspo'],
  travel: ['travel', 'wanderlust', 'traveltok', 'roadtrip', 'travelgram'],
};

/** tag -> vertical, for the Cypher that assigns accounts their vertical. */
export function verticalOfTag(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [vertical, tags] of Object.entries(VERTICAL_TAGS)) for (const t of tags) out[t] = vertical;
  return out;
}
