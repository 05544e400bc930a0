/**
 * Property-based fuzz (fast-check) of the provider normalisers with hostile bodies: whatever a
 * provider sends, reading and normalising never crash the process; every item ends up either
 * normalised or reported as rejected (none silently dropped), and a body with no list at all is
 * refused with an Error.
 */
import fc from 'fast-check';
import { normalizeTikTokVideos } from '../../src/ingest/normalize/tiklive';
import { normalizeXTimeline, normalizeXUsers } from '../../src/ingest/normalize/x';
import { readPostsBody as readTikTokPostsBody, readProfileBody as readTikTokProfileBody } from '../../src/providers/tiklive/salvage';
import { readTimelineBody as readXTimelineBody, readUsersBody as readXUsersBody } from '../../src/providers/x/salvage';

const FETCHED = '2026-11-29T00:00:00.000Z';
const junk = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.object(), fc.array(fc.anything(), { maxLength: 3 }));
const numberish = fc.oneof(fc.integer({ min: -5, max: 2 ** 40 }), fc.double(), fc.string({ maxLength: 12 }), fc.constant(null), fc.constant(undefined));

/** TikTok videos: mostly the right shape with hostile values, sometimes anything at all. */
const tiktokVideo = fc.oneof(
  { weight: 4, arbitrary: fc.record(
    {
      video_id: fc.oneof(fc.stringMatching(/^[0-9]{1,19}$/), junk),
      title: fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 50 }), junk),
      create_time: numberish,
      digg_count: numberish,
      comment_count: numberish,
      share_count: numberish,
      play_count: numberish,
      author: fc.oneof(fc.record({ unique_id: fc.string(), id: fc.string() }, { requiredKeys: [] }), junk),
    },
    { requiredKeys: [] },
  ) },
  { weight: 1, arbitrary: fc.anything() },
);

const xUser = fc.oneof(
  { weight: 4, arbitrary: fc.record(
    {
      id: fc.oneof(fc.stringMatching(/^[0-9]{1,19}$/), junk),
      username: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_]{1,15}$/), junk),
      name: fc.oneof(fc.string(), junk),
      description: fc.oneof(fc.string({ maxLength: 200 }), junk),
      url: fc.oneof(fc.webUrl(), junk),
      created_at: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), junk),
      public_metrics: fc.oneof(fc.record({ followers_count: numberish, following_count: numberish, tweet_count: numberish }, { requiredKeys: [] }), junk),
      entities: fc.anything(),
    },
    { requiredKeys: [] },
  ) },
  { weight: 1, arbitrary: fc.anything() },
);

const xTweet = fc.oneof(
  { weight: 4, arbitrary: fc.record(
    {
      id: fc.oneof(fc.stringMatching(/^[0-9]{1,19}$/), junk),
      text: fc.oneof(fc.string({ maxLength: 280 }), junk),
      author_id: fc.oneof(fc.stringMatching(/^[0-9]{1,19}$/), junk),
      created_at: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), junk),
      public_metrics: fc.oneof(fc.record({ like_count: numberish, retweet_count: numberish, reply_count: numberish, quote_count: numberish }, { requiredKeys: [] }), junk),
      referenced_tweets: fc.oneof(fc.array(fc.record({ type: fc.constantFrom('retweeted', 'quoted', 'replied_to', 'other'), id: fc.string() })), junk),
      entities: fc.anything(),
    },
    { requiredKeys: [] },
  ) },
  { weight: 1, arbitrary: fc.anything() },
);

/** Runs `f`; a thrown Error is an accepted refusal, anything else thrown is a failure. */
function refusedOr<T>(f: () => T): T | 'refused' {
  try {
    return f();
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    return 'refused';
  }
}

describe('provider normalisers under fuzz', () => {
  it('TikTok posts pages: every video normalised or rejected, never a crash', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(tiktokVideo, { maxLength: 8 }), junk), fc.anything(), (videos, extra) => {
        const body = JSON.stringify({ videos, cursor: extra, hasMore: extra });
        const page = refusedOr(() => readTikTokPostsBody(body));
        if (page === 'refused') {
          expect(Array.isArray(videos) || videos === null).toBe(false); // a missing list is no page at all
          return;
        }
        const sent = Array.isArray(videos) ? videos.length : 0;
        expect(page.videos.length + page.rejected.length).toBe(sent);
        const out = normalizeTikTokVideos(page.videos, { requestedUserId: '123', fetchedAt: FETCHED });
        expect(out.posts.length + out.rejected.length).toBe(page.videos.length);
        for (const r of [...page.rejected, ...out.rejected]) expect(typeof r.reason).toBe('string');
      }),
      { numRuns: 400 },
    );
  });

  it('TikTok profiles: any body is read or refused with an Error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything().map((v) => JSON.stringify(v) ?? 'undefined')), (body) => {
        refusedOr(() => readTikTokProfileBody(body));
      }),
      { numRuns: 300 },
    );
  });

  it('X users: every user normalised or rejected, never a crash', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(xUser, { maxLength: 8 }), junk), fc.anything(), (data, errors) => {
        const read = refusedOr(() => readXUsersBody(JSON.stringify({ data, errors })));
        if (read === 'refused') return;
        const out = normalizeXUsers(read.users, FETCHED);
        expect(out.accounts.length + out.rejected.length).toBe(read.users.length);
      }),
      { numRuns: 400 },
    );
  });

  it('X timelines: every tweet normalised or rejected, never a crash', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(xTweet, { maxLength: 8 }), junk), fc.array(xUser, { maxLength: 3 }), fc.array(xTweet, { maxLength: 3 }), (data, users, tweets) => {
        const read = refusedOr(() => readXTimelineBody(JSON.stringify({ data, includes: { users, tweets }, meta: {} })));
        if (read === 'refused') return;
        const out = normalizeXTimeline(read, { requestedUserId: '42', fetchedAt: FETCHED });
        expect(out.posts.length).toBeLessThanOrEqual(read.tweets.length);
        expect(out.posts.length + out.rejected.length).toBeGreaterThanOrEqual(read.tweets.length);
      }),
      { numRuns: 400 },
    );
  });
});
