import { axisPosition, chainGraph, chainSummary, formatDuration, timelineRows } from '../../../src/web/explore/chain';
import type { Chain, ChainPost } from '../../../src/web/explore/documents';
import { extendChain, liveAdditions, touchesGraph } from '../../../src/web/explore/live';

const T0 = Date.parse('2026-11-01T10:00:00Z');
const post = (id: string, platform: 'TIKTOK' | 'X', minutes: number, author: string, creator: string | null, engagement = 100): ChainPost => ({
  id,
  platform,
  url: `https://example.test/${id}`,
  text: `post ${id}`,
  createdAt: new Date(T0 + minutes * 60_000).toISOString(),
  engagement,
  author: { id: `${platform.toLowerCase()}:${author}`, username: author, platform, creator: creator ? { id: creator, displayName: creator.toUpperCase() } : null },
});

// root (TikTok, ana) <- x1 (X, ana cross-post, +30 min) <- x2 (X, bob quote of x1, +3 h); x3 (X, cy repost of root, +10 min)
const root = post('tiktok:r', 'TIKTOK', 0, 'ana', 'cr_ana', 1000);
const x1 = post('x:1', 'X', 30, 'ana_x', 'cr_ana', 300);
const x2 = post('x:2', 'X', 180, 'bob', 'cr_bob', 50);
const x3 = post('x:3', 'X', 10, 'cy', null, 5);
const chain: Chain = {
  depth: 2,
  spanSeconds: 180 * 60,
  totalEngagement: 1355,
  crossPlatform: true,
  platforms: ['TIKTOK', 'X'],
  root,
  posts: [root, x2, x1, x3],
  links: [
    { kind: 'CROSSPOST', lagSeconds: 1800, confidence: 1, source: { id: root.id }, amplifier: { id: x1.id } },
    { kind: 'QUOTE', lagSeconds: 9000, confidence: 1, source: { id: x1.id }, amplifier: { id: x2.id } },
    { kind: 'REPOST', lagSeconds: 600, confidence: 1, source: { id: root.id }, amplifier: { id: x3.id } },
  ],
  byPlatform: [
    { platform: 'TIKTOK', posts: 1, engagement: 1000 },
    { platform: 'X', posts: 3, engagement: 355 },
  ],
  creators: [{ id: 'cr_ana', displayName: 'CR_ANA' }, { id: 'cr_bob', displayName: 'CR_BOB' }],
};

describe('chain timeline', () => {
  it('puts the root first, then the posts by time, each with its hop, lag and kind', () => {
    const rows = timelineRows(chain);
    expect(rows.map((r) => r.post.id)).toEqual(['tiktok:r', 'x:3', 'x:1', 'x:2']);
    expect(rows.map((r) => r.offsetSeconds)).toEqual([0, 600, 1800, 10800]);
    expect(rows.map((r) => r.hop)).toEqual([0, 1, 1, 2]);
    expect(rows[0].via).toBeNull();
    expect(rows[3].via).toEqual({ sourceId: 'x:1', kind: 'QUOTE', lagSeconds: 9000, confidence: 1 });
  });

  it('places posts on a 0..1 axis and formats durations for people', () => {
    expect(axisPosition({ offsetSeconds: 5400 }, 10800)).toBe(0.5);
    expect(axisPosition({ offsetSeconds: 99 }, 0)).toBe(0);
    expect([45, 600, 3 * 3600 + 300, 3600, 50 * 3600, -90].map(formatDuration)).toEqual(['45 s', '10 min', '3 h 5 min', '1 h', '2 d 2 h', '-1 min']);
  });

  it('draws the chain as posts, AMPLIFIED edges by kind and the creators behind them', () => {
    const g = chainGraph(chain);
    expect(g.nodes.filter((n) => n.kind === 'POST')).toHaveLength(4);
    expect(g.nodes.filter((n) => n.kind === 'CREATOR').map((n) => n.id).sort()).toEqual(['cr_ana', 'cr_bob']);
    const amp = g.edges.filter((e) => e.type === 'AMPLIFIED');
    expect(amp.map((e) => `${e.source}>${e.target}:${e.kind}`).sort()).toEqual(['x:1>tiktok:r:CROSSPOST', 'x:2>x:1:QUOTE', 'x:3>tiktok:r:REPOST']);
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const e of g.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(chainSummary(chain)).toBe('@ana on TikTok: 4 posts, TikTok and X, 2 hops, over 3 h');
  });
});

describe('live amplifications', () => {
  const event = (source: ChainPost, amplifier: ChainPost) => ({ kind: 'QUOTE' as const, lagSeconds: 60, confidence: 1, source, amplifier });
  const shown = {
    nodes: [{ id: 'cr_bob', kind: 'CREATOR' as const, label: 'Bob', platform: null, weight: null }],
    edges: [],
  };

  it('keeps an event that touches what is on screen through a post, an account or a creator', () => {
    const fresh = post('x:9', 'X', 200, 'dee', null);
    expect(touchesGraph(shown, event(x2, fresh))).toBe(true); // x2's author belongs to cr_bob
    expect(touchesGraph(shown, event(x3, fresh))).toBe(false);
    expect(liveAdditions(shown, event(x3, fresh))).toBeNull();
  });

  it('adds both posts, their authors and the AMPLIFIED edge, tied to the creator on screen', () => {
    const fresh = post('x:9', 'X', 200, 'dee', null);
    const add = liveAdditions(shown, event(x2, fresh))!;
    expect(add.nodes.map((n) => n.id).sort()).toEqual(['x:2', 'x:9', 'x:bob', 'x:dee']);
    expect(add.edges.map((e) => e.id).sort()).toEqual(['AMPLIFIED:x:9->x:2', 'HAS_ACCOUNT:cr_bob->x:bob', 'POSTED:x:bob->x:2', 'POSTED:x:dee->x:9']);
    expect(add.edges.find((e) => e.type === 'AMPLIFIED')?.kind).toBe('QUOTE');
    // Applying the same event to a graph that already holds it adds nothing.
    const after = { nodes: [...shown.nodes, ...add.nodes], edges: add.edges };
    expect(liveAdditions(after, event(x2, fresh))).toBeNull();
  });

  it('extends an open chain with a new amplifier of one of its posts, once', () => {
    const fresh = post('x:9', 'X', 240, 'dee', 'cr_dee', 45);
    const longer = extendChain(chain, event(x2, fresh))!;
    expect(longer.posts.map((p) => p.id)).toContain('x:9');
    expect(longer.depth).toBe(3);
    expect(longer.spanSeconds).toBe(240 * 60);
    expect(longer.byPlatform.find((b) => b.platform === 'X')).toEqual({ platform: 'X', posts: 4, engagement: 400 });
    expect(longer.creators.map((c) => c.id)).toContain('cr_dee');
    expect(timelineRows(longer).at(-1)).toMatchObject({ hop: 3, via: { sourceId: 'x:2', kind: 'QUOTE' } });
    expect(extendChain(longer, event(x2, fresh))).toBeNull();
    expect(extendChain(chain, event(post('x:other', 'X', 0, 'zed', null), fresh))).toBeNull();
  });
});
