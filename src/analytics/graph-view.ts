/**
 * Subgraphs for graph views (`competitorGraph`, `Brand.graph`, `neighborhood`): nodes and edges
 * with stable ids, a kind, a platform and a weight, capped at `limit` nodes.
 *
 * Node ids are the model's own keys (Creator "cr_…", Account and Post "<platform>:<id>", Brand
 * "br_…", Campaign "cp_…") and "hashtag:<tag>" for hashtags, so the same node has the same id in
 * every call and a view can expand any node it shows. Edge ids are "<TYPE>:<source>-><target>".
 *
 * Capping keeps the most important nodes: nodes closer to the start (fewest hops, counted over the
 * edges found) first, and within a hop the heaviest (post engagement, account followers, creator
 * reach high end, hashtag uses within the subgraph). Keeping whole hops before the next one means
 * every kept node still has its path back to the start, so the view never shows floating islands.
 * competitorGraph's statement ranks and caps itself (its corner has a fixed shape, so hops follow
 * from it) and returns only what is kept; neighborhood walks hop by hop and caps in GraphBuilder.
 */
import type { Platform } from '../graph/model';
import type { GraphClient } from '../neo4j/graph-client';

export type GraphNodeKind = 'CREATOR' | 'ACCOUNT' | 'POST' | 'HASHTAG' | 'BRAND' | 'CAMPAIGN';

export interface ViewNode {
  id: string;
  kind: GraphNodeKind;
  label: string;
  platform: Platform | null;
  weight: number | null;
}

export interface ViewEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  weight: number | null;
  /** AMPLIFIED edges: the amplification's kind (CROSSPOST, LINK, QUOTE, REPOST); null for other types. */
  kind: string | null;
}

export interface ViewGraph {
  nodes: ViewNode[];
  edges: ViewEdge[];
}

/** A node as the view queries project it. */
export interface RawNode {
  labels: string[];
  id?: string | null;
  tag?: string | null;
  name?: string | null;
  displayName?: string | null;
  username?: string | null;
  text?: string | null;
  platform?: Platform | null;
  engagement?: number | null;
  followers?: number | null;
  reachHigh?: number | null;
}

export const MAX_DEPTH = 3;
export const MAX_LIMIT = 2000;

export const hashtagNodeId = (tag: string) => `hashtag:${tag}`;
export const edgeId = (type: string, source: string, target: string) => `${type}:${source}->${target}`;

const KIND_OF_LABEL: [string, GraphNodeKind][] = [
  ['Creator', 'CREATOR'],
  ['Account', 'ACCOUNT'],
  ['Post', 'POST'],
  ['Hashtag', 'HASHTAG'],
  ['Brand', 'BRAND'],
  ['Campaign', 'CAMPAIGN'],
];

export function toViewNode(n: RawNode): ViewNode {
  const kind = KIND_OF_LABEL.find(([l]) => n.labels.includes(l))?.[1];
  if (!kind) throw new Error(`graph view: unexpected node labels ${n.labels.join(',')}`);
  const id = kind === 'HASHTAG' ? hashtagNodeId(n.tag ?? '') : (n.id ?? '');
  const label =
    kind === 'HASHTAG'
      ? `#${n.tag}`
      : kind === 'ACCOUNT'
        ? `@${n.username}`
        : kind === 'POST'
          ? (n.text ?? '').trim() || id
          : (n.displayName ?? n.name ?? id);
  const weight =
    kind === 'POST' ? (n.engagement ?? null) : kind === 'ACCOUNT' ? (n.followers ?? null) : kind === 'CREATOR' ? (n.reachHigh ?? null) : null;
  return { id, kind, label, platform: kind === 'POST' || kind === 'ACCOUNT' ? (n.platform ?? null) : null, weight };
}

/** Collects nodes and deduplicated edges, then keeps `limit` nodes by (hops from the start, weight). */
export class GraphBuilder {
  private readonly nodes = new Map<string, ViewNode>();
  private readonly edges = new Map<string, ViewEdge>();

  node(raw: RawNode): ViewNode {
    // A walk meets the same node on many rows: look it up by key before building its view.
    const known = this.nodes.get(raw.labels.includes('Hashtag') ? hashtagNodeId(raw.tag ?? '') : (raw.id ?? ''));
    if (known) return known;
    const v = toViewNode(raw);
    this.nodes.set(v.id, v);
    return v;
  }

  edge(type: string, s: string, t: string, weight: number | null, kind: string | null = null): void {
    const id = edgeId(type, s, t);
    if (!this.edges.has(id)) this.edges.set(id, { id, source: s, target: t, type, weight: weight ?? null, kind: kind ?? null });
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  get size(): number {
    return this.nodes.size;
  }

  build(startId: string, limit: number, hopsOf?: Map<string, number>): ViewGraph {
    const hops = hopsOf ?? this.hopsFrom(startId);
    // Hashtags weigh what they connect inside this subgraph: a tag on many of the brand's posts matters.
    for (const e of this.edges.values()) {
      const n = this.nodes.get(e.target);
      if (n?.kind === 'HASHTAG') n.weight = (n.weight ?? 0) + 1;
    }
    const rank = [...this.nodes.values()].sort(
      (a, b) =>
        (hops.get(a.id) ?? Infinity) - (hops.get(b.id) ?? Infinity) ||
        (b.weight ?? 0) - (a.weight ?? 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const kept = rank.filter((n) => hops.has(n.id)).slice(0, Math.max(1, limit));
    const ids = new Set(kept.map((n) => n.id));
    const edges = [...this.edges.values()].filter((e) => ids.has(e.source) && ids.has(e.target)).sort((a, b) => (a.id < b.id ? -1 : 1));
    return { nodes: kept, edges };
  }

  /** Hops from the start over the collected edges, either direction. */
  private hopsFrom(startId: string): Map<string, number> {
    const adj = new Map<string, string[]>();
    for (const e of this.edges.values()) {
      adj.set(e.source, [...(adj.get(e.source) ?? []), e.target]);
      adj.set(e.target, [...(adj.get(e.target) ?? []), e.source]);
    }
    const hops = new Map<string, number>([[startId, 0]]);
    let frontier = [startId];
    while (frontier.length > 0) {
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
}

export function checkLimit(limit: number | null | undefined, fallback: number): number {
  const l = limit ?? fallback;
  if (!Number.isInteger(l) || l < 1 || l > MAX_LIMIT) throw new RangeError(`limit must be 1 to ${MAX_LIMIT}`);
  return l;
}

/** A node of a capped statement's answer: hashtags bring their uses within the subgraph as weight. */
type RankedNode = RawNode & { uses?: number | null };

/**
 * The brand's accounts, posts, hashtags, amplifiers and mentioners; null for an unknown brand.
 * The statement ranks, caps and dedupes (see competitor-graph.cypher); this only maps its one row.
 */
export async function competitorGraph(
  g: GraphClient,
  brandId: string,
  opts: { since?: Date | null; limit: number },
): Promise<ViewGraph | null> {
  const [row] = await g.read<{ nodes: RankedNode[]; edges: Omit<ViewEdge, 'id'>[] }>('analytics/competitor-graph', {
    brandId,
    since: opts.since?.toISOString() ?? null,
    limit: opts.limit,
  });
  if (!row) return null;
  return {
    nodes: row.nodes.map((n) => {
      const v = toViewNode(n);
      return n.uses === null || n.uses === undefined ? v : { ...v, weight: n.uses };
    }),
    edges: row.edges.map((e) => ({ id: edgeId(e.type, e.source, e.target), source: e.source, target: e.target, type: e.type, weight: e.weight ?? null, kind: e.kind ?? null })),
  };
}

/** Which kind(s) a node id can be, and the key to look it up by. */
export function parseNodeId(id: string): { kind: GraphNodeKind; key: string }[] {
  const v = id.trim();
  if (v.startsWith('hashtag:')) return [{ kind: 'HASHTAG', key: v.slice('hashtag:'.length).toLowerCase() }];
  if (v.startsWith('#')) return [{ kind: 'HASHTAG', key: v.slice(1).toLowerCase() }];
  if (/^cr_/.test(v)) return [{ kind: 'CREATOR', key: v }];
  if (/^br_/.test(v)) return [{ kind: 'BRAND', key: v }];
  if (/^cp_/.test(v)) return [{ kind: 'CAMPAIGN', key: v }];
  // Account and Post ids share the "<platform>:<id>" form: try both.
  if (/^(tiktok|x):.+/.test(v)) return [{ kind: 'ACCOUNT', key: v }, { kind: 'POST', key: v }];
  return [];
}

/** The frontier as the statement takes it: one {kind, key} per reading of each id (see neighborhood-expand.cypher). */
export function frontierParam(ids: string[]): { kind: GraphNodeKind; key: string }[] {
  return ids.flatMap((id) => parseNodeId(id));
}

/**
 * The subgraph up to `depth` hops around any node: one statement per hop, each frontier node
 * bringing its `limit` heaviest neighbours; stops early once the nodes already found fill the
 * limit. Null when no node has the id.
 */
export async function neighborhood(g: GraphClient, id: string, opts: { depth: number; limit: number }): Promise<ViewGraph | null> {
  if (!Number.isInteger(opts.depth) || opts.depth < 1 || opts.depth > MAX_DEPTH) throw new RangeError(`depth must be 1 to ${MAX_DEPTH}`);
  if (parseNodeId(id).length === 0) return null;
  const b = new GraphBuilder();
  const hops = new Map<string, number>();
  let startId: string | null = null;
  let frontier = [id.trim()];
  for (let d = 1; d <= opts.depth && frontier.length > 0; d++) {
    const rows = await g.read<{ node: RawNode; other: RawNode | null; type: string | null; outgoing: boolean; weight: number | null; kind: string | null }>(
      'analytics/neighborhood-expand',
      { frontier: frontierParam(frontier), perNode: opts.limit },
    );
    if (d === 1) {
      if (rows.length === 0) return null;
      startId = b.node(rows[0].node).id;
      hops.set(startId, 0);
    }
    const next: string[] = [];
    for (const r of rows) {
      const n = b.node(r.node).id;
      if (!r.other || !r.type) continue;
      const oid = b.node(r.other).id;
      b.edge(r.type, r.outgoing ? n : oid, r.outgoing ? oid : n, r.weight, r.kind);
      if (!hops.has(oid)) {
        hops.set(oid, d);
        next.push(oid);
      }
    }
    if (hops.size >= opts.limit) break;
    frontier = next;
  }
  return b.build(startId!, opts.limit, hops);
}

/**
 * Frontier sizes that get plans of their own: Neo4j 5.26 caches a plan per query text and parameter
 * types, and counts a list parameter's size in classes (measured: 1, 2-10, 11-100, 101-1000, and so
 * on by powers of ten). MAX_LIMIT caps a frontier below 10,000.
 */
const FRONTIER_SIZE_CLASSES = [1, 2, 11, 101, 1001];

/**
 * Plans the graph views' statements before a user needs them (a start-up warm-up, see src/main.ts):
 * planning neighborhood-expand takes most of a second, once per frontier size class, and that second
 * used to land on whoever opened the first neighbourhood of each size. Each run seeks keys no node
 * has, so it reads nothing. Returns the milliseconds spent.
 */
export async function planGraphViews(g: GraphClient): Promise<number> {
  const t0 = performance.now();
  for (const size of FRONTIER_SIZE_CLASSES) {
    const frontier = Array.from({ length: size }, (_, i) => ({ kind: 'CREATOR', key: `cr_warm-up-${i}` }));
    await g.read('analytics/neighborhood-expand', { frontier, perNode: 1 });
  }
  await g.read('analytics/competitor-graph', { brandId: 'br_warm-up', since: null, limit: 1 });
  return Math.round(performance.now() - t0);
}
