import type { Graph, GraphNode } from '../../../src/web/explore/documents';
import {
  addedIds,
  describeEdge,
  describeNode,
  edgeClasses,
  edgeWidth,
  EDGE_WIDTH_MAX,
  EDGE_WIDTH_MIN,
  KIND_SIZE_MAX,
  mergeGraphs,
  nodeClasses,
  nodeSizes,
  NODE_SIZE_MAX,
  NODE_SIZE_MIN,
  shortLabel,
  toElements,
} from '../../../src/web/explore/elements';

const node = (id: string, kind: GraphNode['kind'], weight: number | null, platform: GraphNode['platform'] = null): GraphNode => ({ id, kind, label: id, platform, weight });

const graph: Graph = {
  nodes: [
    node('cr_a', 'CREATOR', 1_000_000),
    node('tiktok:1', 'ACCOUNT', 900_000, 'TIKTOK'),
    node('x:2', 'ACCOUNT', 1_000, 'X'),
    node('tiktok:p1', 'POST', 50_000, 'TIKTOK'),
    node('x:p2', 'POST', 10, 'X'),
    node('hashtag:food', 'HASHTAG', 3),
  ],
  edges: [
    { id: 'HAS_ACCOUNT:cr_a->tiktok:1', source: 'cr_a', target: 'tiktok:1', type: 'HAS_ACCOUNT', weight: null, kind: null },
    { id: 'MATCHED_TO:tiktok:1->x:2', source: 'tiktok:1', target: 'x:2', type: 'MATCHED_TO', weight: 97, kind: null },
    { id: 'AMPLIFIED:x:p2->tiktok:p1', source: 'x:p2', target: 'tiktok:p1', type: 'AMPLIFIED', weight: 0.95, kind: 'CROSSPOST' },
    { id: 'POSTED:x:9->x:p2', source: 'x:9', target: 'x:p2', type: 'POSTED', weight: 10, kind: null },
  ],
};

describe('graph to drawing elements', () => {
  it('classes nodes by kind and platform, edges by type and amplification kind', () => {
    expect(nodeClasses({ kind: 'ACCOUNT', platform: 'TIKTOK' })).toBe('kind-account platform-tiktok');
    expect(nodeClasses({ kind: 'HASHTAG', platform: null })).toBe('kind-hashtag platform-none');
    expect(edgeClasses({ type: 'AMPLIFIED', kind: 'QUOTE' })).toBe('type-amplified amp-quote');
    expect(edgeClasses({ type: 'MATCHED_TO', kind: null })).toBe('type-matched_to');
  });

  it('sizes nodes by weight on a log scale against the heaviest of their kind, within the bounds', () => {
    const sizes = nodeSizes(graph.nodes);
    expect(sizes.get('tiktok:1')).toBe(KIND_SIZE_MAX.ACCOUNT);
    expect(sizes.get('tiktok:p1')).toBe(KIND_SIZE_MAX.POST);
    // 1k against 900k followers: about half the log range, clearly smaller, not the minimum.
    expect(sizes.get('x:2')!).toBeLessThan(sizes.get('tiktok:1')!);
    expect(sizes.get('x:2')!).toBeGreaterThan(NODE_SIZE_MIN);
    expect(sizes.get('tiktok:p1')!).toBeGreaterThan(sizes.get('x:p2')!);
    for (const s of sizes.values()) {
      expect(s).toBeGreaterThanOrEqual(NODE_SIZE_MIN);
      expect(s).toBeLessThanOrEqual(NODE_SIZE_MAX);
    }
    // Two big accounts close in followers look alike; a post without engagement is the smallest.
    const close = nodeSizes([node('a', 'ACCOUNT', 548_000), node('b', 'ACCOUNT', 363_000), node('p', 'POST', 0), node('q', 'POST', 24)]);
    expect(close.get('a')! - close.get('b')!).toBeLessThanOrEqual(2);
    expect(close.get('p')).toBe(NODE_SIZE_MIN);
    // No weight: the middle of the kind's range.
    expect(nodeSizes([node('br_x', 'BRAND', null)]).get('br_x')).toBe(Math.round((NODE_SIZE_MIN + NODE_SIZE_MAX) / 2));
  });

  it('widens edges by confidence and match score', () => {
    expect(edgeWidth({ type: 'AMPLIFIED', weight: 1 })).toBe(EDGE_WIDTH_MAX);
    expect(edgeWidth({ type: 'AMPLIFIED', weight: 0 })).toBe(EDGE_WIDTH_MIN);
    expect(edgeWidth({ type: 'MATCHED_TO', weight: 100 })).toBe(EDGE_WIDTH_MAX);
    expect(edgeWidth({ type: 'MATCHED_TO', weight: 50 })).toBeLessThan(EDGE_WIDTH_MAX);
    expect(edgeWidth({ type: 'POSTED', weight: null })).toBeGreaterThan(EDGE_WIDTH_MIN);
  });

  it('maps every node and only the edges with both ends shown', () => {
    const els = toElements(graph);
    expect(els.filter((e) => e.group === 'nodes')).toHaveLength(6);
    const edges = els.filter((e) => e.group === 'edges');
    expect(edges.map((e) => e.data.id)).toEqual(graph.edges.slice(0, 3).map((e) => e.id));
    const amp = edges.find((e) => e.data.type === 'AMPLIFIED')!;
    expect(amp.classes).toBe('type-amplified amp-crosspost');
    expect(amp.data).toMatchObject({ source: 'x:p2', target: 'tiktok:p1', kind: 'CROSSPOST' });
  });

  it('shortens long labels and keeps the full text for the hover card', () => {
    const long = 'a'.repeat(100);
    const [el] = toElements({ nodes: [{ ...node('x:1', 'POST', 1, 'X'), label: long }], edges: [] });
    expect(el.data).toMatchObject({ fullLabel: long });
    expect((el.data as { label: string }).label.length).toBeLessThanOrEqual(28);
    expect(shortLabel('two\n lines')).toBe('two lines');
  });

  it('merges graphs by id, keeping what was there and adding what is new, once', () => {
    const more: Graph = {
      nodes: [{ ...graph.nodes[0], label: 'renamed' }, node('x:new', 'POST', 1, 'X')],
      edges: [graph.edges[0], { id: 'POSTED:x:2->x:new', source: 'x:2', target: 'x:new', type: 'POSTED', weight: 1, kind: null }],
    };
    const merged = mergeGraphs(graph, more);
    expect(merged.nodes.map((n) => n.id)).toEqual([...graph.nodes.map((n) => n.id), 'x:new']);
    expect(merged.nodes[0].label).toBe('cr_a');
    expect(merged.edges).toHaveLength(graph.edges.length + 1);
    expect(mergeGraphs(merged, more)).toEqual(merged);
    expect(addedIds(graph, merged)).toEqual({ nodes: ['x:new'], edges: ['POSTED:x:2->x:new'] });
  });

  it('describes nodes and edges in words', () => {
    expect(describeNode({ kind: 'ACCOUNT', platform: 'TIKTOK', label: '@ana', weight: 1_200_000 })).toBe('Account on TikTok: @ana (1.2M followers)');
    expect(describeNode({ kind: 'HASHTAG', platform: null, label: '#food', weight: null })).toBe('Hashtag: #food');
    expect(describeEdge({ type: 'AMPLIFIED', kind: 'QUOTE', weight: 0.9 })).toBe('AMPLIFIED (QUOTE), confidence 0.9');
    expect(describeEdge({ type: 'MATCHED_TO', kind: null, weight: 97 })).toBe('MATCHED_TO, score 97');
    expect(describeEdge({ type: 'POSTED', kind: null, weight: null })).toBe('POSTED');
  });
});
