/**
 * Live amplifications (`amplificationDetected`) applied to what is on screen, as pure functions.
 *
 * The page holds one subscription for every new AMPLIFIED edge and keeps those that touch the
 * graph shown: either post, its author account or the author's creator is on screen. A kept event
 * adds both posts, the AMPLIFIED edge (with its kind) and each post's author account with its
 * POSTED edge, tied to a creator already on screen by HAS_ACCOUNT, so the new nodes hang off what
 * the user is looking at. One unfiltered subscription rather than one per creator on screen: a
 * connection may hold only WS_MAX_SUBSCRIPTIONS operations and a view can show hundreds of creators.
 */
import type { AmplificationEvent, Chain, ChainPost, Graph, GraphEdge, GraphNode } from './documents';

function postNode(p: ChainPost): GraphNode {
  return { id: p.id, kind: 'POST', label: `@${p.author.username}: ${p.text ?? p.id}`, platform: p.platform, weight: p.engagement };
}

/** The ids of a post's neighbourhood that make it "on screen": the post, its author, the author's creator. */
const touchIds = (p: ChainPost) => [p.id, p.author.id, ...(p.author.creator ? [p.author.creator.id] : [])];

export function touchesGraph(graph: Graph, e: AmplificationEvent): boolean {
  const ids = new Set(graph.nodes.map((n) => n.id));
  return [...touchIds(e.source), ...touchIds(e.amplifier)].some((id) => ids.has(id));
}

/** What to add to the graph for an event, or null when it touches nothing on screen or adds nothing. */
export function liveAdditions(graph: Graph, e: AmplificationEvent): Graph | null {
  if (!touchesGraph(graph, e)) return null;
  const shown = new Set(graph.nodes.map((n) => n.id));
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const addNode = (n: GraphNode) => {
    if (!shown.has(n.id) && !nodes.some((x) => x.id === n.id)) nodes.push(n);
  };
  const addEdge = (type: string, source: string, target: string, weight: number | null, kind: GraphEdge['kind'] = null) =>
    edges.push({ id: `${type}:${source}->${target}`, source, target, type, weight, kind });
  for (const p of [e.source, e.amplifier]) {
    addNode(postNode(p));
    addNode({ id: p.author.id, kind: 'ACCOUNT', label: `@${p.author.username}`, platform: p.author.platform, weight: null });
    addEdge('POSTED', p.author.id, p.id, p.engagement);
    const c = p.author.creator;
    if (c && shown.has(c.id)) addEdge('HAS_ACCOUNT', c.id, p.author.id, null);
  }
  addEdge('AMPLIFIED', e.amplifier.id, e.source.id, e.confidence, e.kind);
  const known = new Set(graph.edges.map((x) => x.id));
  const newEdges = edges.filter((x) => !known.has(x.id));
  if (nodes.length === 0 && newEdges.length === 0) return null;
  return { nodes, edges: newEdges };
}

/** The chain with a new amplifier of one of its posts added (null when the event is not about this chain or is already in it). */
export function extendChain(chain: Chain, e: AmplificationEvent): Chain | null {
  const inChain = new Set(chain.posts.map((p) => p.id));
  if (!inChain.has(e.source.id) || inChain.has(e.amplifier.id)) return null;
  const posts = [...chain.posts, e.amplifier];
  const links = [...chain.links, { kind: e.kind, lagSeconds: e.lagSeconds, confidence: e.confidence, source: { id: e.source.id }, amplifier: { id: e.amplifier.id } }];
  const byPlatform = ['TIKTOK', 'X']
    .map((platform) => {
      const on = posts.filter((p) => p.platform === platform);
      return { platform: platform as ChainPost['platform'], posts: on.length, engagement: on.reduce((s, p) => s + p.engagement, 0) };
    })
    .filter((b) => b.posts > 0);
  const creators = [...chain.creators];
  const c = e.amplifier.author.creator;
  if (c && !creators.some((x) => x.id === c.id)) creators.push(c);
  const rootAt = Date.parse(chain.root.createdAt);
  const spanSeconds = Math.max(chain.spanSeconds, Math.round((Date.parse(e.amplifier.createdAt) - rootAt) / 1000));
  // Depth: hops on the longest path, recomputed over the links.
  const hop = new Map<string, number>([[chain.root.id, 0]]);
  // At most one round per link: AMPLIFIED runs from later to earlier posts, but a bad edge must not loop forever.
  for (let changed = true, round = 0; changed && round <= links.length; round++) {
    changed = false;
    for (const l of links) {
      const h = hop.get(l.source.id);
      if (h !== undefined && (hop.get(l.amplifier.id) ?? -1) < h + 1) {
        hop.set(l.amplifier.id, h + 1);
        changed = true;
      }
    }
  }
  return {
    ...chain,
    posts,
    links,
    byPlatform,
    creators,
    spanSeconds,
    depth: Math.max(...hop.values()),
    platforms: byPlatform.map((b) => b.platform),
    crossPlatform: byPlatform.length > 1,
    totalEngagement: chain.totalEngagement + e.amplifier.engagement,
  };
}
