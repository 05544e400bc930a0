/**
 * An amplification chain laid out for the explorer, as pure functions: the timeline's rows (root
 * first, each amplifier at its time, the hop it completes with its lag and kind), and the chain as
 * a graph (posts and the creators behind them) for the canvas.
 */
import type { Chain, ChainPost, Graph, GraphEdge, GraphNode } from './documents';

export interface TimelineRow {
  post: ChainPost;
  /** Seconds after the root post (0 for the root). */
  offsetSeconds: number;
  /** Hops from the root along the chain's links (0 for the root; null if the post hangs off no link). */
  hop: number | null;
  /** The link by which this post amplifies an earlier one (the first, when it amplifies several). */
  via: { sourceId: string; kind: string; lagSeconds: number; confidence: number } | null;
}

/** Root first, then the other posts by time (ties by id, so the order is stable). */
export function timelineRows(chain: Chain): TimelineRow[] {
  const rootAt = Date.parse(chain.root.createdAt);
  const hops = new Map<string, number>([[chain.root.id, 0]]);
  // Links run amplifier -> source; walk them outward from the root.
  let frontier = [chain.root.id];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const l of chain.links) {
      if (frontier.includes(l.source.id) && !hops.has(l.amplifier.id)) {
        hops.set(l.amplifier.id, hops.get(l.source.id)! + 1);
        next.push(l.amplifier.id);
      }
    }
    frontier = next;
  }
  const others = chain.posts
    .filter((p) => p.id !== chain.root.id)
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [chain.root, ...others].map((post) => {
    const link = chain.links.find((l) => l.amplifier.id === post.id);
    return {
      post,
      offsetSeconds: Math.round((Date.parse(post.createdAt) - rootAt) / 1000),
      hop: hops.get(post.id) ?? null,
      via: link ? { sourceId: link.source.id, kind: link.kind, lagSeconds: link.lagSeconds, confidence: link.confidence } : null,
    };
  });
}

/** "45 s", "12 min", "3 h 5 min", "2 d 4 h"; negative values keep their sign. */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  const s = Math.abs(Math.round(seconds));
  if (s < 60) return `${sign}${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${sign}${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${sign}${h} h${m % 60 ? ` ${m % 60} min` : ''}`;
  const d = Math.floor(h / 24);
  return `${sign}${d} d${h % 24 ? ` ${h % 24} h` : ''}`;
}

/** Where a row sits on a 0..1 axis from the root to the chain's last post. */
export function axisPosition(row: Pick<TimelineRow, 'offsetSeconds'>, spanSeconds: number): number {
  if (spanSeconds <= 0) return 0;
  return Math.min(1, Math.max(0, row.offsetSeconds / spanSeconds));
}

/** The chain as a graph: its posts, AMPLIFIED edges by kind, their authors' creators (POSTED by way of the creator). */
export function chainGraph(chain: Chain): Graph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const p of chain.posts) {
    nodes.set(p.id, { id: p.id, kind: 'POST', label: `@${p.author.username}: ${p.text ?? p.id}`, platform: p.platform, weight: p.engagement });
    const c = p.author.creator;
    if (c) {
      if (!nodes.has(c.id)) nodes.set(c.id, { id: c.id, kind: 'CREATOR', label: c.displayName, platform: null, weight: null });
      // The model's path is Creator-HAS_ACCOUNT->Account-POSTED->Post; the chain view skips the account.
      const id = `POSTED:${c.id}->${p.id}`;
      edges.set(id, { id, source: c.id, target: p.id, type: 'POSTED', weight: null, kind: null });
    }
  }
  for (const l of chain.links) {
    const id = `AMPLIFIED:${l.amplifier.id}->${l.source.id}`;
    edges.set(id, { id, source: l.amplifier.id, target: l.source.id, type: 'AMPLIFIED', weight: l.confidence, kind: l.kind });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** A chain's one-line summary for lists: "@ana on TikTok → 4 posts, X and TikTok, 2 hops, 3 h". */
export function chainSummary(chain: Chain): string {
  const where = chain.platforms.map((p) => (p === 'TIKTOK' ? 'TikTok' : 'X')).join(' and ');
  const root = `@${chain.root.author.username} on ${chain.root.platform === 'TIKTOK' ? 'TikTok' : 'X'}`;
  return `${root}: ${chain.posts.length} posts, ${where}, ${chain.depth} hop${chain.depth === 1 ? '' : 's'}, over ${formatDuration(chain.spanSeconds)}`;
}
