import { fitViewport, radialPlacement, RING_GAP, type PlacedNode } from '../../../src/web/explore/first-picture';

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
const angle = (p: { x: number; y: number }) => Math.atan2(p.y, p.x);

/** A creator with two accounts, each with `posts` posts: the bench's neighbourhood shape. */
function creatorGraph(posts: number) {
  const nodes: PlacedNode[] = [{ id: 'cr', size: 56 }, { id: 'tt', size: 48 }, { id: 'x', size: 30 }];
  const edges = [
    { source: 'cr', target: 'tt' },
    { source: 'cr', target: 'x' },
  ];
  for (const acct of ['tt', 'x']) {
    for (let i = 0; i < posts; i++) {
      nodes.push({ id: `${acct}:p${i}`, size: 14 + (i % 20) });
      edges.push({ source: acct, target: `${acct}:p${i}` });
    }
  }
  return { nodes, edges };
}

describe('radialPlacement', () => {
  it('puts the opened node in the middle and each hop on a ring further out', () => {
    const { nodes, edges } = creatorGraph(100);
    const { positions } = radialPlacement(nodes, edges, 'cr');
    expect(positions.size).toBe(nodes.length);
    expect(positions.get('cr')).toEqual({ x: 0, y: 0 });
    const origin = { x: 0, y: 0 };
    const r1 = dist(positions.get('tt')!, origin);
    expect(dist(positions.get('x')!, origin)).toBeCloseTo(r1, 6);
    const r2 = dist(positions.get('tt:p0')!, origin);
    expect(r2).toBeGreaterThan(r1);
    for (const n of nodes.filter((n) => n.id.includes(':p'))) expect(dist(positions.get(n.id)!, origin)).toBeCloseTo(r2, 6);
  });

  it('seats a ring without overlaps: neighbours on it are at least their radii plus the gap apart', () => {
    const { nodes, edges } = creatorGraph(150);
    const { positions } = radialPlacement(nodes, edges, 'cr');
    const size = new Map(nodes.map((n) => [n.id, n.size]));
    const ring = nodes.filter((n) => n.id.includes(':p')).map((n) => n.id);
    // Walk the ring in angle order: consecutive nodes (chord distance) must not overlap.
    const byAngle = [...ring].sort((a, b) => angle(positions.get(a)!) - angle(positions.get(b)!));
    for (let i = 0; i < byAngle.length; i++) {
      const a = byAngle[i];
      const b = byAngle[(i + 1) % byAngle.length];
      expect(dist(positions.get(a)!, positions.get(b)!)).toBeGreaterThan((size.get(a)! + size.get(b)!) / 2);
    }
    expect(RING_GAP).toBeGreaterThan(0);
  });

  it("keeps each account's posts together, in the account's half of the ring", () => {
    const { nodes, edges } = creatorGraph(60);
    const { positions } = radialPlacement(nodes, edges, 'cr');
    // Sorted by angle, the ring is two runs: all of one account's posts, then all of the other's.
    const ring = nodes.filter((n) => n.id.includes(':p')).map((n) => n.id);
    const byAngle = [...ring].sort((a, b) => angle(positions.get(a)!) - angle(positions.get(b)!));
    const owners = byAngle.map((id) => id.split(':')[0]);
    const switches = owners.filter((o, i) => o !== owners[(i + 1) % owners.length]).length;
    expect(switches).toBe(2);
  });

  it('places nodes the opened node does not reach, and works without an opened node', () => {
    const nodes: PlacedNode[] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, size: 20 }));
    const edges = [
      { source: 'a', target: 'b' },
      { source: 'd', target: 'e' },
      { source: 'd', target: 'c' },
    ];
    for (const focus of ['a', null, 'missing']) {
      const { positions, bounds } = radialPlacement(nodes, edges, focus);
      expect([...positions.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
      for (const p of positions.values()) {
        expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
        expect(p.x).toBeGreaterThanOrEqual(bounds.x1);
        expect(p.x).toBeLessThanOrEqual(bounds.x2);
      }
      // No two nodes on the same spot.
      const spots = new Set([...positions.values()].map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`));
      expect(spots.size).toBe(5);
    }
    // Without an opened node, the best-connected one (d) is the middle.
    expect(radialPlacement(nodes, edges, null).positions.get('d')).toEqual({ x: 0, y: 0 });
  });

  it('ignores edges to nodes it was not given', () => {
    const { positions } = radialPlacement([{ id: 'a', size: 10 }], [{ source: 'a', target: 'gone' }], 'a');
    expect([...positions.keys()]).toEqual(['a']);
  });
});

describe('fitViewport', () => {
  const opts = { padding: 24, minZoom: 0.05, maxZoom: 1.4 };
  it('fits the box inside the padded view, centred', () => {
    const bounds = { x1: -1000, y1: -500, x2: 1000, y2: 500 };
    const { zoom, pan } = fitViewport(bounds, 1000, 800, opts);
    expect(zoom).toBeCloseTo((1000 - 48) / 2000, 6);
    // The box's corners land inside the view, its centre in the view's centre.
    const toScreen = (x: number, y: number) => ({ x: x * zoom + pan.x, y: y * zoom + pan.y });
    expect(toScreen(0, 0)).toEqual({ x: 500, y: 400 });
    expect(toScreen(bounds.x1, bounds.y1).x).toBeCloseTo(24, 6);
    expect(toScreen(bounds.x2, bounds.y2).y).toBeLessThanOrEqual(800 - 24);
  });

  it('never zooms a small picture past maxZoom, nor a huge one below minZoom', () => {
    expect(fitViewport({ x1: 0, y1: 0, x2: 10, y2: 10 }, 1000, 800, opts).zoom).toBe(1.4);
    expect(fitViewport({ x1: 0, y1: 0, x2: 1e7, y2: 1e7 }, 1000, 800, opts).zoom).toBe(0.05);
  });
});
