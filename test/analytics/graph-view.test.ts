/**
 * competitorGraph's cap, which its statement applies itself, checked against an independent
 * reading of the uncapped answer: hops counted here by a breadth-first walk over the returned
 * edges (not the statement's shape-based hops), then (hops, weight, id) order; a capped answer must
 * be the first `limit` nodes of that order with exactly the edges between them. The world is
 * loaded through the write path (no lanes) with its amplifications and brands.
 */
import { competitorGraph, type ViewGraph } from '../../src/analytics/graph-view';
import { brandId, upsertBrand } from '../../src/graph/brands';
import { refreshAllCreators } from '../../src/graph/creators';
import { writeAmplifications } from '../../src/graph/posts';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { worldBrands } from '../../src/seeding/world-demo';
import { accountExistsAt, generateWorld, type World } from '../../src/simulators/world';
import { freshGraph } from '../support/graph';
import { loadWorldIntoGraph } from '../support/world-graph';

let graph: GraphClient;
let world: World;

/** Whether loadWorldIntoGraph wrote the post ("tiktok:<id>" / "x:<id>"). */
function loaded(gid: string): boolean {
  const [platform, id] = gid.split(':');
  const data = platform === 'x' ? world.x : world.tiktok;
  const p = data.postsById.get(id);
  const a = p && data.byId.get(p.authorId);
  return !!p && !!a && p.createdAt <= world.now && accountExistsAt(a, world.now) && !a.private;
}

beforeAll(async () => {
  graph = await freshGraph();
  world = generateWorld({ seed: 42, creators: 300 });
  await loadWorldIntoGraph(graph, world);
  await writeAmplifications(
    graph,
    world.truth.amplifications.filter((a) => loaded(a.amplifierPostId) && loaded(a.sourcePostId)).map((a) => ({ amplifierPostId: a.amplifierPostId, sourcePostId: a.sourcePostId, kind: a.kind, confidence: 1 })),
  );
  await refreshAllCreators(graph);
  for (const b of worldBrands(world, { TIKTOK: true, X: true })) await upsertBrand(graph, b);
}, 240_000);

afterAll(async () => {
  await graph?.close();
});

function hopsFrom(start: string, g: ViewGraph): Map<string, number> {
  const adj = new Map<string, string[]>();
  for (const e of g.edges) {
    adj.set(e.source, [...(adj.get(e.source) ?? []), e.target]);
    adj.set(e.target, [...(adj.get(e.target) ?? []), e.source]);
  }
  const hops = new Map([[start, 0]]);
  for (let frontier = [start]; frontier.length > 0; ) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const m of adj.get(id) ?? []) {
        if (!hops.has(m)) {
          hops.set(m, hops.get(id)! + 1);
          next.push(m);
        }
      }
    }
    frontier = next;
  }
  return hops;
}

describe('competitorGraph', () => {
  it('returns the whole corner in (hops, weight, id) order, every node reachable, each edge once between returned nodes', async () => {
    const id = brandId(world.truth.brands[1].name);
    const full = (await competitorGraph(graph, id, { limit: 2000 }))!;
    expect(full.nodes.length).toBeLessThan(2000);
    const hops = hopsFrom(id, full);
    const ids = full.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const n of ids) expect(hops.has(n)).toBe(true);
    const ranked = [...full.nodes].sort(
      (a, b) => hops.get(a.id)! - hops.get(b.id)! || (b.weight ?? 0) - (a.weight ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    expect(ids).toEqual(ranked.map((n) => n.id));
    const edgeIds = full.edges.map((e) => e.id);
    expect(new Set(edgeIds).size).toBe(edgeIds.length);
    expect(edgeIds).toEqual([...edgeIds].sort());
    for (const e of full.edges) expect(ids.includes(e.source) && ids.includes(e.target)).toBe(true);

    // What the corner must hold, from the world: the brand's accounts and posts, their amplifiers.
    const brand = world.truth.brands[1];
    const own = [`tiktok:${brand.tiktokUserId}`, `x:${brand.xUserId}`];
    for (const a of own) expect(ids).toContain(a);
    const ownPosts = [...(world.tiktok.postsByAuthor.get(brand.tiktokUserId) ?? []), ...(world.x.postsByAuthor.get(brand.xUserId) ?? [])]
      .filter((p) => p.createdAt <= world.now)
      .map((p) => `${p.platform === 'X' ? 'x' : 'tiktok'}:${p.id}`);
    expect(ownPosts.length).toBeGreaterThan(0);
    for (const p of ownPosts) expect(ids).toContain(p);
    const amplifiers = world.truth.amplifications.filter((a) => ownPosts.includes(a.sourcePostId) && loaded(a.amplifierPostId)).map((a) => a.amplifierPostId);
    expect(amplifiers.length).toBeGreaterThan(0);
    for (const a of amplifiers) expect(ids).toContain(a);
    for (const k of ['BRAND', 'ACCOUNT', 'POST', 'HASHTAG', 'CREATOR']) expect(full.nodes.some((n) => n.kind === k)).toBe(true);
    for (const t of ['OWNS', 'POSTED', 'TAGGED', 'AMPLIFIED', 'HAS_ACCOUNT']) expect(full.edges.some((e) => e.type === t)).toBe(true);
    const tag = full.nodes.find((n) => n.kind === 'HASHTAG')!;
    expect(tag.weight).toBe(full.edges.filter((e) => e.type === 'TAGGED' && e.target === tag.id).length);
    console.log(`competitorGraph ${id}: ${full.nodes.length} nodes, ${full.edges.length} edges uncapped; hops ${[...new Set(hops.values())].sort().join(',')}`);

    for (const limit of [1, 3, 20, 100, Math.floor(full.nodes.length / 2)]) {
      const capped = (await competitorGraph(graph, id, { limit }))!;
      const keep = new Set(ids.slice(0, limit));
      expect(capped.nodes).toEqual(full.nodes.slice(0, limit));
      expect(capped.edges).toEqual(full.edges.filter((e) => keep.has(e.source) && keep.has(e.target)));
    }
  });

  it('narrows to posts since a date, answers a brand without accounts with itself, and null for an unknown brand', async () => {
    const id = brandId(world.truth.brands[1].name);
    const full = (await competitorGraph(graph, id, { limit: 2000 }))!;
    const since = new Date(world.now - 7 * 86_400_000);
    const recent = (await competitorGraph(graph, id, { since, limit: 2000 }))!;
    const posts = (g: ViewGraph) => g.nodes.filter((n) => n.kind === 'POST').length;
    expect(posts(recent)).toBeGreaterThan(0);
    expect(posts(recent)).toBeLessThan(posts(full));
    await upsertBrand(graph, { name: 'Empty Brand', competitor: true, accountIds: [] });
    expect(await competitorGraph(graph, brandId('Empty Brand'), { limit: 10 })).toEqual({
      nodes: [{ id: 'br_empty-brand', kind: 'BRAND', label: 'Empty Brand', platform: null, weight: null }],
      edges: [],
    });
    expect(await competitorGraph(graph, 'br_nope', { limit: 10 })).toBeNull();
  });
});
