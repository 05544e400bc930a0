/**
 * The normalisers against what the real clients read from the provider simulators, checked
 * against the simulated world's own records and ground truth; and the lineage rules they read
 * through, checked to cover every key they output.
 */
import { lineage, RULE_SETS, ruleKeys } from '../../src/ingest/lineage';
import { tiktokVideoIdFromUrl, xIdTime } from '../../src/ingest/normalize/links';
import type { NormalizedPost } from '../../src/ingest/normalize/post';
import { hashtagsIn, mentionsIn } from '../../src/ingest/normalize/text';
import { normalizeTikTokProfile, normalizeTikTokVideos, TIKTOK_PROFILE_RULES, TIKTOK_VIDEO_RULES } from '../../src/ingest/normalize/tiklive';
import { normalizeXTimeline, normalizeXUser, X_TWEET_RULES, X_USER_RULES } from '../../src/ingest/normalize/x';
import { readPostsBody as readTikTokPostsBody } from '../../src/providers/tiklive/salvage';
import { readTimelineBody as readXTimelineBody, readUsersBody as readXUsersBody } from '../../src/providers/x/salvage';
import { accountExistsAt, followersAt, postsVisibleAt, type SimAccount } from '../../src/simulators/world';
import { startHarness, type Harness } from './support/harness';

describe('normalisers against the simulators', () => {
  let h: Harness;
  const fetchedAt = '2026-11-20T00:00:00.000Z';

  beforeAll(async () => {
    h = await startHarness({ seed: 5, creators: 50, malformedRate: 0.04 });
  }, 30_000);
  afterAll(() => h?.close());

  const live = (a: SimAccount) => accountExistsAt(a, h.world.now) && !a.private;

  async function tiktokPosts(a: SimAccount): Promise<NormalizedPost[]> {
    const out: NormalizedPost[] = [];
    let cursor = '0';
    for (let i = 0; i < 50; i++) {
      const page = await h.clients.tiklive.userPosts(a.id, { cursor });
      out.push(...normalizeTikTokVideos(page.videos, { requestedUserId: a.id, fetchedAt }).posts);
      if (!page.hasMore || !page.cursor || page.cursor === cursor) break;
      cursor = page.cursor;
    }
    return out;
  }

  async function xPosts(a: SimAccount): Promise<NormalizedPost[]> {
    const out: NormalizedPost[] = [];
    for await (const page of h.clients.x.allTweets(a.id)) out.push(...normalizeXTimeline(page, { requestedUserId: a.id, fetchedAt }).posts);
    return out;
  }

  it('TikTok profile: handle, names, bio link, counts and secUid as the world has them', async () => {
    const a = h.world.tiktok.accounts.find((x) => live(x) && x.bioLink && x.quirk === null)!;
    const rec = normalizeTikTokProfile(await h.clients.tiklive.userInfoByUsername(a.username), fetchedAt);
    expect(rec).toMatchObject({
      platform: 'TIKTOK',
      platformUserId: a.id,
      username: a.username,
      displayName: a.displayName,
      bio: a.bio,
      bioLink: a.bioLink,
      secUid: a.secUid,
      verified: a.verified,
      followers: followersAt(a, h.world.now, h.world.now),
      following: a.following,
      fetchedAt,
    });
    expect(rec.postCount).toBe(a.priorPosts + postsVisibleAt(h.world.tiktok, a.id, h.world.now).length);
  });

  it('TikTok posts: hashtags from the caption (lower-case, no #), mentions, pinned, URL, time', async () => {
    const a = h.world.tiktok.accounts
      .filter((x) => live(x) && postsVisibleAt(h.world.tiktok, x.id, h.world.now).some((p) => p.pinned))
      .sort((x, y) => postsVisibleAt(h.world.tiktok, y.id, h.world.now).length - postsVisibleAt(h.world.tiktok, x.id, h.world.now).length)[0];
    const expected = postsVisibleAt(h.world.tiktok, a.id, h.world.now);
    const got = await tiktokPosts(a);
    expect(got.map((p) => p.post.platformPostId).sort()).toEqual(expected.map((p) => p.id).sort());
    let tagged = 0;
    for (const n of got) {
      const p = h.world.tiktok.postsById.get(n.post.platformPostId)!;
      if (p.quirk === 'nullTitle') continue;
      expect(n.post.hashtags.sort()).toEqual([...new Set(p.hashtags.map((t) => t.toLowerCase()))].sort());
      expect(n.post.mentions.sort()).toEqual([...new Set(p.mentions.map((m) => m.toLowerCase()))].sort());
      expect(n.post.pinned).toBe(p.pinned);
      expect(n.post.createdAt).toBe(new Date(Math.floor(p.createdAt / 1000) * 1000).toISOString());
      expect(n.post.url).toBe(`https://www.tiktok.com/@${a.username}/video/${p.id}`);
      expect(n.post.hashtags.every((t) => t === t.toLowerCase() && !t.startsWith('#'))).toBe(true);
      tagged += n.post.hashtags.length;
    }
    expect(tagged).toBeGreaterThan(0);
    expect(got.some((n) => n.post.pinned)).toBe(true);
  });

  it('TikTok quirks: a null title is kept as null, string counts become numbers, missing counts are flagged', async () => {
    const quirky = h.world.tiktok.posts.filter((p) => p.quirk && p.createdAt <= h.world.now);
    const authors = [...new Set(quirky.map((p) => p.authorId))].map((id) => h.world.tiktok.byId.get(id)!).filter(live);
    const seen = new Set<string>();
    for (const a of authors) {
      for (const n of await tiktokPosts(a)) {
        const p = h.world.tiktok.postsById.get(n.post.platformPostId)!;
        if (!p.quirk) continue;
        seen.add(p.quirk);
        if (p.quirk === 'nullTitle') {
          expect(n.post.text).toBeNull();
          expect(n.post.hashtags).toEqual([]);
        }
        if (p.quirk === 'stringCounts') {
          expect(typeof n.post.metrics.likes).toBe('number');
          expect(n.metricsKnown).toBe(true);
        }
        if (p.quirk === 'missingStats') expect(n.metricsKnown).toBe(false);
      }
    }
    expect(seen.size).toBeGreaterThan(0);
  });

  it('X user: profile website expanded from its t.co link through entities.url', async () => {
    const a = h.world.x.accounts.find((x) => accountExistsAt(x, h.world.now) && x.bioLink && x.bioLinkShort && x.quirk === null)!;
    const u = await h.clients.x.userByUsername(a.username);
    expect(u.url).toBe(a.bioLinkShort);
    const rec = normalizeXUser(u, fetchedAt);
    expect(rec).toMatchObject({
      platform: 'X',
      platformUserId: a.id,
      username: a.username,
      displayName: a.displayName,
      bioLink: a.bioLink,
      hearts: null,
      following: a.following,
    });
    const noLink = h.world.x.accounts.find((x) => accountExistsAt(x, h.world.now) && !x.bioLink && x.quirk === null)!;
    expect(normalizeXUser(await h.clients.x.userByUsername(noLink.username), fetchedAt).bioLink).toBeNull();
  });

  it('X posts: retweet -> REPOST, quote -> QUOTE, TikTok video link -> LINK, as the ground truth says', async () => {
    const truth = h.world.truth.amplifications.filter((t) => t.amplifierPostId.startsWith('x:'));
    const expectedKind = (k: string) => (k === 'CROSSPOST' ? 'LINK' : k);
    const byAuthor = new Map<string, typeof truth>();
    for (const t of truth) {
      const author = h.world.x.postsById.get(t.amplifierPostId.slice(2))!.authorId;
      byAuthor.set(author, [...(byAuthor.get(author) ?? []), t]);
    }
    const authors = [...byAuthor.keys()].map((id) => h.world.x.byId.get(id)!).filter(live).slice(0, 12);
    const kinds = new Set<string>();
    let checked = 0;
    for (const a of authors) {
      const posts = new Map((await xPosts(a)).map((n) => [`x:${n.post.platformPostId}`, n]));
      for (const t of byAuthor.get(a.id)!) {
        const n = posts.get(t.amplifierPostId);
        if (!n) continue; // not visible at the simulator's now
        expect(n.amplifications).toContainEqual(
          expect.objectContaining({ amplifierPostId: t.amplifierPostId, sourcePostId: t.sourcePostId, kind: expectedKind(t.kind) }),
        );
        kinds.add(expectedKind(t.kind));
        checked++;
      }
      // Replies are conversation, not amplification; nothing beyond the truth is invented.
      for (const n of posts.values()) {
        for (const amp of n.amplifications) {
          expect(truth.some((t) => t.amplifierPostId === amp.amplifierPostId && t.sourcePostId === amp.sourcePostId)).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(3);
    expect(kinds.size).toBeGreaterThanOrEqual(2);
  });

  it('X posts: hashtags and mentions lower-cased from entities and text; URL from includes', async () => {
    const a = h.world.x.accounts.filter(live).sort((x, y) => postsVisibleAt(h.world.x, y.id, h.world.now).length - postsVisibleAt(h.world.x, x.id, h.world.now).length)[0];
    const got = await xPosts(a);
    expect(got.length).toBeGreaterThan(5);
    for (const n of got) {
      const p = h.world.x.postsById.get(n.post.platformPostId)!;
      expect(n.post.hashtags.sort()).toEqual([...new Set(p.hashtags.map((t) => t.toLowerCase()))].sort());
      expect(n.post.mentions.sort()).toEqual([...new Set(p.mentions.map((m) => m.toLowerCase()))].sort());
      expect(n.post.url).toBe(`https://x.com/${a.username}/status/${p.id}`);
      expect(n.post.createdAt).toBe(new Date(p.createdAt).toISOString());
    }
  });

  it('staged-body readers salvage the good items of a batch with one malformed item', () => {
    const users = readXUsersBody(
      JSON.stringify({
        data: [
          { id: '11', name: 'A', username: 'a', public_metrics: { followers_count: 1, following_count: 2, tweet_count: 3 } },
          { id: 'not-an-id', name: 'B', username: 'b' },
        ],
        errors: [{ value: 'zz', title: 'Not Found Error', type: 'https://api.twitter.com/2/problems/resource-not-found', detail: 'Could not find user with usernames: [zz].' }],
      }),
    );
    expect(users.users.map((u) => u.id)).toEqual(['11']);
    expect(users.rejected).toHaveLength(1);
    expect(users.problems).toHaveLength(1);

    const page = readTikTokPostsBody(
      JSON.stringify({ videos: [{ video_id: '7001', title: '#Yes', create_time: 1736900000 }, { title: 'no id or time' }], cursor: 5, hasMore: false }),
    );
    expect(page.videos.map((v) => v.video_id)).toEqual(['7001']);
    expect(page.rejected).toHaveLength(1);
    expect(page.cursor).toBe('5');

    const tl = readXTimelineBody(
      JSON.stringify({
        data: [{ id: '1800000000000000002', text: 'RT hi', referenced_tweets: [{ type: 'retweeted', id: '1799999999999999999' }] }, { id: 5 }],
        includes: { tweets: [{ id: '1799999999999999999', text: 'orig #Tag', author_id: '77' }], users: [{ id: '77', name: 'S', username: 'src' }] },
        meta: { result_count: 2 },
      }),
    );
    const n = normalizeXTimeline(tl, { requestedUserId: '12', fetchedAt });
    expect(tl.rejected).toHaveLength(1);
    expect(n.posts.map((p) => p.post.platformPostId)).toEqual(['1800000000000000002']);
    // No created_at: the time comes from the snowflake id.
    expect(n.posts[0].post.createdAt).toBe(xIdTime('1800000000000000002'));
    expect(n.posts[0].metricsKnown).toBe(false);
    expect(n.posts[0].amplifications).toEqual([
      { amplifierPostId: 'x:1800000000000000002', sourcePostId: 'x:1799999999999999999', kind: 'REPOST', confidence: 1 },
    ]);
    expect(n.referenced.map((p) => [p.post.platformPostId, p.post.url, p.post.hashtags])).toEqual([
      ['1799999999999999999', 'https://x.com/src/status/1799999999999999999', ['tag']],
    ]);
  });
});

describe('text and link parsing', () => {
  it('finds hashtags at word starts only, Unicode-aware, lower-cased and de-duplicated', () => {
    expect(hashtagsIn('New drop #FYP #fyp #Tutorial! #1 a#b https://x.io/#frag &#39; #Café #日本 #_x')).toEqual([
      'fyp',
      'tutorial',
      'café',
      '日本',
      '_x',
    ]);
    expect(hashtagsIn(null)).toEqual([]);
  });

  it('finds mentions by each platform rule', () => {
    expect(mentionsIn('cc @Amy_G and @bob.smith. mail me@x.com', 'TIKTOK')).toEqual(['amy_g', 'bob.smith']);
    expect(mentionsIn('RT @Amy_G: hi @averyveryverylonghandle mail me@x.com', 'X')).toEqual(['amy_g']);
  });

  it('recognises TikTok video URLs only', () => {
    expect(tiktokVideoIdFromUrl('https://www.tiktok.com/@amy/video/7460937381265411370?is_from_webapp=1')).toBe('7460937381265411370');
    expect(tiktokVideoIdFromUrl('tiktok.com/@amy/video/7460937381265411370')).toBe('7460937381265411370');
    expect(tiktokVideoIdFromUrl('https://m.tiktok.com/v/7460937381265411370.html')).toBe('7460937381265411370');
    expect(tiktokVideoIdFromUrl('https://vm.tiktok.com/ZMabc123/')).toBeUndefined();
    expect(tiktokVideoIdFromUrl('https://www.tiktok.com/@amy')).toBeUndefined();
    expect(tiktokVideoIdFromUrl('https://nottiktok.com/@amy/video/7460937381265411370')).toBeUndefined();
    expect(tiktokVideoIdFromUrl('https://x.com/amy/status/1800000000000000002')).toBeUndefined();
  });
});

describe('lineage', () => {
  const flatKeys = (o: Record<string, unknown>): string[] =>
    Object.entries(o).flatMap(([k, v]) => (k === 'metrics' ? Object.keys(v as object) : k === 'source' ? [] : [k]));

  it('every key a normaliser outputs has a lineage rule, and every rule is listed', () => {
    const fetchedAt = '2026-11-20T00:00:00.000Z';
    const tt = normalizeTikTokProfile(
      { user: { id: '1', uniqueId: 'a' }, stats: { followerCount: 1 }, statsLocation: 'stats' } as never,
      fetchedAt,
    );
    expect(flatKeys(tt as never).filter((k) => !ruleKeys(TIKTOK_PROFILE_RULES).includes(k))).toEqual([]);
    const v = normalizeTikTokVideos([{ video_id: '9', create_time: 1, title: null, pinned: false } as never], { requestedUserId: '1', fetchedAt });
    expect(flatKeys(v.posts[0].post as never).filter((k) => !ruleKeys(TIKTOK_VIDEO_RULES).includes(k))).toEqual([]);
    const xu = normalizeXUser({ id: '2', name: 'n', username: 'u', public_metrics: { followers_count: 1, following_count: 1, tweet_count: 1 } }, fetchedAt);
    expect(flatKeys(xu as never).filter((k) => !ruleKeys(X_USER_RULES).includes(k))).toEqual([]);
    const xt = normalizeXTimeline({ tweets: [{ id: '1800000000000000002', text: 't', author_id: '2' }], includes: { users: [], tweets: [] } }, { fetchedAt });
    const xtKeys = [...flatKeys(xt.posts[0].post as never), 'amplifications'];
    expect(xtKeys.filter((k) => !ruleKeys(X_TWEET_RULES).includes(k))).toEqual([]);

    const listed = new Set(lineage().map((r) => `${r.field}|${r.platform}|${r.endpoint}`));
    for (const set of RULE_SETS) {
      for (const rule of Object.values(set.rules)) {
        for (const field of rule.graph) for (const ep of set.endpoints) expect(listed.has(`${field}|${set.platform}|${ep}`)).toBe(true);
      }
    }
    expect(lineage().find((r) => r.field === 'Account.followers' && r.platform === 'X')).toMatchObject({
      provider: 'x-api-v2',
      wireField: 'data.public_metrics.followers_count',
    });
    expect(lineage().find((r) => r.field === 'Hashtag.tag' && r.platform === 'TIKTOK')).toMatchObject({ endpoint: '/user-posts/' });
  });
});
