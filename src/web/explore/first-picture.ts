/**
 * The first picture of a large graph, computed in plain code before the elements reach Cytoscape:
 * the opened node in the middle, each hop from it a ring, each ring in the order its nodes were
 * reached (so children sit in their parent's sector), and the viewport that fits it.
 *
 * Cytoscape's breadthfirst layout drew the same picture but cost most of the first frame on a cold
 * page: it asks every node for its bounding box (styles, label sizes and edge geometry computed for
 * each), moves the nodes one by one with events, then `fit` measures the whole graph again with
 * labels. Here nodes are added at their places and the viewport is set from the known node sizes,
 * so Cytoscape computes styles and geometry once, when it draws. fCoSE then lays the graph out in
 * full (GraphView.tsx).
 */

export interface PlacedNode {
  id: string;
  /** Diameter in model units (the element's `size`). */
  size: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Placement {
  positions: Map<string, Point>;
  /** Model-space box holding every node (with its size) and room for a label under it. */
  bounds: { x1: number; y1: number; x2: number; y2: number };
}

/** Space kept between neighbours on a ring, and between rings, beyond the nodes' own sizes. */
export const RING_GAP = 10;
/** Room under a node for its label (font size 10 plus margin), so the bottom ring's labels fit. */
const LABEL_ROOM = 16;

/**
 * Rings of hops around `focusId` (or, without one, the best-connected node). Nodes not reached from
 * it (another component) go on further rings, each component from its best-connected node.
 */
export function radialPlacement(nodes: readonly PlacedNode[], edges: readonly { source: string; target: string }[], focusId: string | null): Placement {
  const size = new Map(nodes.map((n) => [n.id, n.size]));
  const adjacent = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    if (!size.has(e.source) || !size.has(e.target) || e.source === e.target) continue;
    adjacent.get(e.source)!.push(e.target);
    adjacent.get(e.target)!.push(e.source);
  }
  const degree = (id: string) => adjacent.get(id)!.length;
  const byDegree = [...nodes].sort((a, b) => degree(b.id) - degree(a.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // Breadth-first rings: rings[h] holds the nodes first reached at hop h, in the order reached.
  const ring = new Map<string, number>();
  const rings: string[][] = [];
  const walk = (root: string, startRing: number) => {
    ring.set(root, startRing);
    (rings[startRing] ??= []).push(root);
    let frontier = [root];
    let h = startRing;
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const m of adjacent.get(id)!) {
          if (ring.has(m)) continue;
          ring.set(m, h + 1);
          (rings[h + 1] ??= []).push(m);
          next.push(m);
        }
      }
      frontier = next;
      h++;
    }
  };
  const first = focusId && size.has(focusId) ? focusId : byDegree[0]?.id;
  if (first !== undefined) walk(first, 0);
  for (const n of byDegree) if (!ring.has(n.id)) walk(n.id, rings.length);

  const positions = new Map<string, Point>();
  let radius = 0;
  let previousMax = 0;
  rings.forEach((ids, h) => {
    const sizes = ids.map((id) => size.get(id)!);
    const ringMax = Math.max(...sizes);
    if (h === 0 && ids.length === 1) {
      positions.set(ids[0], { x: 0, y: 0 });
      previousMax = ringMax;
      return;
    }
    // Far enough out to clear the ring inside, and wide enough to seat every node of this one.
    const circumference = sizes.reduce((sum, s) => sum + s + RING_GAP, 0);
    radius = Math.max(radius + (previousMax + ringMax) / 2 + RING_GAP + LABEL_ROOM, circumference / (2 * Math.PI));
    previousMax = ringMax;
    // Each node's angle is the middle of its share of the circumference, shares by size.
    let along = 0;
    ids.forEach((id, i) => {
      const share = sizes[i] + RING_GAP;
      const angle = ((along + share / 2) / circumference) * 2 * Math.PI - Math.PI / 2;
      along += share;
      positions.set(id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    });
  });

  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const [id, p] of positions) {
    const r = size.get(id)! / 2;
    x1 = Math.min(x1, p.x - r);
    y1 = Math.min(y1, p.y - r);
    x2 = Math.max(x2, p.x + r);
    y2 = Math.max(y2, p.y + r + LABEL_ROOM);
  }
  return { positions, bounds: positions.size > 0 ? { x1, y1, x2, y2 } : { x1: 0, y1: 0, x2: 0, y2: 0 } };
}

/** The zoom and pan that show `bounds` in a `width` x `height` view with `padding`, never zoomed past `maxZoom`. */
export function fitViewport(
  bounds: Placement['bounds'],
  width: number,
  height: number,
  opts: { padding: number; minZoom: number; maxZoom: number },
): { zoom: number; pan: Point } {
  const w = Math.max(1, bounds.x2 - bounds.x1);
  const h = Math.max(1, bounds.y2 - bounds.y1);
  const fit = Math.min((width - 2 * opts.padding) / w, (height - 2 * opts.padding) / h);
  const zoom = Math.min(opts.maxZoom, Math.max(opts.minZoom, Number.isFinite(fit) && fit > 0 ? fit : opts.minZoom));
  const cx = (bounds.x1 + bounds.x2) / 2;
  const cy = (bounds.y1 + bounds.y2) / 2;
  return { zoom, pan: { x: width / 2 - zoom * cx, y: height / 2 - zoom * cy } };
}
