/**
 * What the explorer has open, kept in the URL's query string so a view can be shared and reloaded:
 *
 *   ?node=cr_ana&x=tiktok:1,x:2&sel=x:2      the neighbourhood of a node, the nodes expanded (in
 *                                             order) and the node whose details are shown
 *   ?brand=br_acme                            a competitor's graph and launches
 *   ?chains=cr_ana&chain=tiktok:99            the chains of a creator or campaign, one of them open
 *   &depth=2&limit=150                        the neighbourhood's size (defaults omitted)
 *
 * Parsing never throws: unknown keys are ignored and out-of-range numbers fall back to defaults,
 * since a URL is user input. `formatState(parseState(s))` is canonical (stable key order, no defaults).
 */

export interface ExploreState {
  /** The node whose neighbourhood is drawn (any graph id: cr_…, tiktok:…, hashtag:…, cp_…). */
  node: string | null;
  /** Nodes expanded by the user, in the order they were expanded. */
  expanded: string[];
  /** The node whose details the side panel shows. */
  selected: string | null;
  /** A competitor's graph (competitorGraph) instead of a neighbourhood. */
  brand: string | null;
  /** Whose chains are listed: a creator (cr_…) or a campaign (cp_…). */
  chainsOf: string | null;
  /** Root post id of the chain drawn as graph and timeline. */
  chain: string | null;
  depth: number;
  limit: number;
}

export const DEFAULT_DEPTH = 2;
export const DEFAULT_LIMIT = 150;
export const MAX_DEPTH = 3;
export const MAX_LIMIT = 500;
/** More expansions than this in a URL are dropped (each one is a request on reload). */
export const MAX_EXPANDED = 30;

export const EMPTY_STATE: ExploreState = {
  node: null,
  expanded: [],
  selected: null,
  brand: null,
  chainsOf: null,
  chain: null,
  depth: DEFAULT_DEPTH,
  limit: DEFAULT_LIMIT,
};

const id = (v: string | null): string | null => {
  const t = v?.trim();
  return t ? t.slice(0, 300) : null;
};

function intIn(v: string | null, lo: number, hi: number, fallback: number): number {
  if (v == null || !/^\d+$/.test(v.trim())) return fallback;
  const n = Number(v);
  return n >= lo && n <= hi ? n : fallback;
}

export function parseState(search: string): ExploreState {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const expanded: string[] = [];
  for (const raw of p.getAll('x').flatMap((v) => v.split(','))) {
    const v = id(raw);
    if (v && !expanded.includes(v) && expanded.length < MAX_EXPANDED) expanded.push(v);
  }
  return {
    node: id(p.get('node')),
    expanded,
    selected: id(p.get('sel')),
    brand: id(p.get('brand')),
    chainsOf: id(p.get('chains')),
    chain: id(p.get('chain')),
    depth: intIn(p.get('depth'), 1, MAX_DEPTH, DEFAULT_DEPTH),
    limit: intIn(p.get('limit'), 1, MAX_LIMIT, DEFAULT_LIMIT),
  };
}

export function formatState(s: ExploreState): string {
  const p = new URLSearchParams();
  if (s.node) p.set('node', s.node);
  if (s.brand) p.set('brand', s.brand);
  if (s.chainsOf) p.set('chains', s.chainsOf);
  if (s.chain) p.set('chain', s.chain);
  if (s.expanded.length > 0) p.set('x', s.expanded.slice(0, MAX_EXPANDED).join(','));
  if (s.selected) p.set('sel', s.selected);
  if (s.depth !== DEFAULT_DEPTH) p.set('depth', String(s.depth));
  if (s.limit !== DEFAULT_LIMIT) p.set('limit', String(s.limit));
  const q = p.toString();
  return q ? `?${q}` : '';
}

/** A competitor's graph is drawn at no fewer than 300 nodes: a brand's corner is wide, and the limit in the URL is sized for neighbourhoods. */
export const competitorLimit = (limit: number): number => Math.max(limit, 300);

/** What the main canvas draws: a chain beats a competitor, which beats a neighbourhood. */
export type Canvas = { kind: 'chain'; root: string } | { kind: 'competitor'; brand: string } | { kind: 'neighborhood'; node: string } | { kind: 'none' };

export function canvasOf(s: ExploreState): Canvas {
  if (s.chain) return { kind: 'chain', root: s.chain };
  if (s.brand) return { kind: 'competitor', brand: s.brand };
  if (s.node) return { kind: 'neighborhood', node: s.node };
  return { kind: 'none' };
}

/** Opening something from search: a brand opens its competitor view, anything else its neighbourhood; a creator or campaign also lists its chains. */
export function openItem(s: ExploreState, itemId: string): ExploreState {
  const base = { ...EMPTY_STATE, depth: s.depth, limit: s.limit };
  if (itemId.startsWith('br_')) return { ...base, brand: itemId, selected: itemId };
  const chainsOf = itemId.startsWith('cr_') || itemId.startsWith('cp_') ? itemId : null;
  return { ...base, node: itemId, selected: itemId, chainsOf };
}

/** Expanding a node adds it once to the expansions (the graph grows) and selects it. */
export function expandNode(s: ExploreState, nodeId: string): ExploreState {
  const expanded = s.expanded.includes(nodeId) || nodeId === s.node ? s.expanded : [...s.expanded, nodeId].slice(-MAX_EXPANDED);
  return { ...s, expanded, selected: nodeId };
}
