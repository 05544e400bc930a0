/**
 * From the API's `Graph` (nodes and edges with kind, platform, type and weight) to what Cytoscape
 * draws, as pure functions so the rules are unit tested without a browser:
 *
 * - a node's colour comes from its kind, and for accounts and posts from its platform (classes
 *   `kind-*`, `platform-*`, styled in graph-style.ts);
 * - its size from its weight, on a log scale normalised within its kind in the graph shown (a
 *   creator's reach and a post's engagement are not comparable numbers; within a kind, 10x the
 *   weight should look bigger, not 10x bigger);
 * - an edge's style from its type, and for AMPLIFIED from its kind; its width from its weight
 *   (confidence 0..1 for AMPLIFIED, score 0..100 for MATCHED_TO).
 *
 * Graphs merge by id (an expansion adds what is new and keeps what is there), so a node or edge
 * never appears twice whichever way it was reached.
 */
import type { Graph, GraphEdge, GraphNode } from './documents';

export const NODE_SIZE_MIN = 14;
export const NODE_SIZE_MAX = 56;
export const EDGE_WIDTH_MIN = 1;
export const EDGE_WIDTH_MAX = 5;
/** Longest label drawn under a node; the full text is in the hover card. */
export const LABEL_MAX = 28;

export interface NodeElement {
  group: 'nodes';
  data: { id: string; label: string; fullLabel: string; kind: string; platform: string | null; weight: number | null; size: number };
  classes: string;
}

export interface EdgeElement {
  group: 'edges';
  data: { id: string; source: string; target: string; type: string; kind: string | null; weight: number | null; width: number };
  classes: string;
}

export type Element = NodeElement | EdgeElement;

export const EMPTY_GRAPH: Graph = { nodes: [], edges: [] };

export function shortLabel(label: string, max = LABEL_MAX): string {
  const oneLine = label.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}

/** CSS-class-safe token of an enum value: "MATCHED_TO" -> "matched_to". */
const token = (v: string) => v.toLowerCase().replace(/[^a-z0-9_]/g, '');

/** Largest size per kind: creators and brands are the landmarks, posts and hashtags the many small things. */
export const KIND_SIZE_MAX: Record<string, number> = { CREATOR: NODE_SIZE_MAX, BRAND: NODE_SIZE_MAX, CAMPAIGN: 48, ACCOUNT: 48, POST: 34, HASHTAG: 34 };

/**
 * Node size from its weight: log10(1 + weight) as a share of the heaviest of its kind in the graph,
 * so 550k and 360k followers look alike and 24 and 0 engagement do not, whatever else is shown.
 */
export function nodeSizes(nodes: readonly GraphNode[]): Map<string, number> {
  const top = new Map<string, number>();
  for (const n of nodes) {
    if (n.weight == null || !(n.weight >= 0)) continue;
    top.set(n.kind, Math.max(top.get(n.kind) ?? 0, Math.log10(1 + n.weight)));
  }
  const out = new Map<string, number>();
  for (const n of nodes) {
    const max = KIND_SIZE_MAX[n.kind] ?? NODE_SIZE_MAX;
    const hi = top.get(n.kind) ?? 0;
    if (n.weight == null || !(n.weight >= 0) || hi === 0) {
      out.set(n.id, Math.round((NODE_SIZE_MIN + max) / 2));
      continue;
    }
    const t = Math.log10(1 + n.weight) / hi;
    out.set(n.id, Math.round(NODE_SIZE_MIN + t * (max - NODE_SIZE_MIN)));
  }
  return out;
}

/** Edge width from its weight: confidence (0..1) for AMPLIFIED, score (0..100) for MATCHED_TO. */
export function edgeWidth(e: Pick<GraphEdge, 'type' | 'weight'>): number {
  if (e.weight == null || !Number.isFinite(e.weight)) return EDGE_WIDTH_MIN + 0.5;
  const share = e.type === 'MATCHED_TO' ? e.weight / 100 : e.type === 'AMPLIFIED' ? e.weight : 0.25;
  const t = Math.min(1, Math.max(0, share));
  return Math.round((EDGE_WIDTH_MIN + t * (EDGE_WIDTH_MAX - EDGE_WIDTH_MIN)) * 10) / 10;
}

export function nodeClasses(n: Pick<GraphNode, 'kind' | 'platform'>): string {
  return [`kind-${token(n.kind)}`, n.platform ? `platform-${token(n.platform)}` : 'platform-none'].join(' ');
}

export function edgeClasses(e: Pick<GraphEdge, 'type' | 'kind'>): string {
  return [`type-${token(e.type)}`, ...(e.kind ? [`amp-${token(e.kind)}`] : [])].join(' ');
}

/**
 * The elements for a graph: every node, and the edges whose two ends are in it (an edge to a node
 * not shown would make Cytoscape throw).
 */
export function toElements(graph: Graph): Element[] {
  const sizes = nodeSizes(graph.nodes);
  const ids = new Set(graph.nodes.map((n) => n.id));
  const nodes: NodeElement[] = graph.nodes.map((n) => ({
    group: 'nodes',
    data: { id: n.id, label: shortLabel(n.label), fullLabel: n.label, kind: n.kind, platform: n.platform, weight: n.weight, size: sizes.get(n.id)! },
    classes: nodeClasses(n),
  }));
  const edges: EdgeElement[] = graph.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => ({
      group: 'edges',
      data: { id: e.id, source: e.source, target: e.target, type: e.type, kind: e.kind, weight: e.weight, width: edgeWidth(e) },
      classes: edgeClasses(e),
    }));
  return [...nodes, ...edges];
}

/** Union by id; what `base` holds wins (its node stays where the user has seen it), new items follow in order. */
export function mergeGraphs(base: Graph, more: Graph): Graph {
  const nodeIds = new Set(base.nodes.map((n) => n.id));
  const edgeIds = new Set(base.edges.map((e) => e.id));
  const nodes = [...base.nodes];
  for (const n of more.nodes) {
    if (!nodeIds.has(n.id)) {
      nodeIds.add(n.id);
      nodes.push(n);
    }
  }
  const edges = [...base.edges];
  for (const e of more.edges) {
    if (!edgeIds.has(e.id)) {
      edgeIds.add(e.id);
      edges.push(e);
    }
  }
  return { nodes, edges };
}

/** Ids in `after` that `before` lacks: what an expansion or a live event added. */
export function addedIds(before: Graph, after: Graph): { nodes: string[]; edges: string[] } {
  const n = new Set(before.nodes.map((x) => x.id));
  const e = new Set(before.edges.map((x) => x.id));
  return { nodes: after.nodes.filter((x) => !n.has(x.id)).map((x) => x.id), edges: after.edges.filter((x) => !e.has(x.id)).map((x) => x.id) };
}

const KIND_NAME: Record<string, string> = {
  CREATOR: 'Creator',
  ACCOUNT: 'Account',
  POST: 'Post',
  HASHTAG: 'Hashtag',
  BRAND: 'Brand',
  CAMPAIGN: 'Campaign',
};
const PLATFORM_NAME: Record<string, string> = { TIKTOK: 'TikTok', X: 'X' };
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** What a weight means for each kind, for the hover card. */
export function weightText(n: Pick<GraphNode, 'kind' | 'weight'>): string | null {
  if (n.weight == null) return null;
  const v = compact.format(n.weight);
  switch (n.kind) {
    case 'POST':
      return `${v} engagement`;
    case 'ACCOUNT':
      return `${v} followers`;
    case 'CREATOR':
      return `reach up to ${v}`;
    case 'HASHTAG':
      return `${v} uses in view`;
    default:
      return v;
  }
}

/** One line naming a node for people and screen readers: "Account on TikTok: @ana (1.2M followers)". */
export function describeNode(n: Pick<GraphNode, 'kind' | 'platform' | 'label' | 'weight'>): string {
  const kind = KIND_NAME[n.kind] ?? n.kind;
  const where = n.platform ? ` on ${PLATFORM_NAME[n.platform] ?? n.platform}` : '';
  const w = weightText(n);
  return `${kind}${where}: ${shortLabel(n.label, 80)}${w ? ` (${w})` : ''}`;
}

/** "AMPLIFIED (QUOTE), confidence 0.9" / "MATCHED_TO, score 97" / "POSTED". */
export function describeEdge(e: Pick<GraphEdge, 'type' | 'kind' | 'weight'>): string {
  const what = e.kind ? `${e.type} (${e.kind})` : e.type;
  if (e.weight == null) return what;
  if (e.type === 'AMPLIFIED') return `${what}, confidence ${Math.round(e.weight * 100) / 100}`;
  if (e.type === 'MATCHED_TO') return `${what}, score ${Math.round(e.weight)}`;
  return `${what}, weight ${compact.format(e.weight)}`;
}
