/**
 * A small graph Cytoscape draws, invisibly, while the page waits for its first query.
 *
 * On a cold page, everything Cytoscape does for the first time is slow: each function is compiled
 * on its first call, the stylesheet's defaults are parsed, label fonts are measured, texture caches
 * and canvases are set up. Profiles of a cold first render put a large share of the first picture's
 * time there. The page loads its code while the neighbourhood query is in flight (main.tsx) and is
 * usually ready before the answer: drawing this graph in that gap does the first-time work then,
 * so the real graph meets warm code. It holds one node of every kind and platform and one edge of
 * every type and amplification kind, so it takes the same paths the real graph will.
 */
import type { AmplificationKind, Graph, GraphEdge, GraphNode, NodeKind, Platform } from './documents';

/** Every warm-up id starts with this; no real node or edge id can (they never contain a space). */
export const WARM_UP_PREFIX = 'warm up ';

const NODES: [NodeKind, Platform | null][] = [
  ['CREATOR', null],
  ['ACCOUNT', 'TIKTOK'],
  ['ACCOUNT', 'X'],
  ['POST', 'TIKTOK'],
  ['POST', 'X'],
  ['HASHTAG', null],
  ['BRAND', null],
  ['CAMPAIGN', null],
];

const EDGES: [number, number, string, AmplificationKind | null][] = [
  [0, 1, 'HAS_ACCOUNT', null],
  [0, 2, 'HAS_ACCOUNT', null],
  [1, 2, 'MATCHED_TO', null],
  [1, 3, 'POSTED', null],
  [2, 4, 'POSTED', null],
  [3, 5, 'TAGGED', null],
  [4, 6, 'MENTIONS', null],
  [6, 1, 'OWNS', null],
  [7, 5, 'INCLUDES', null],
  [4, 3, 'AMPLIFIED', 'CROSSPOST'],
  [4, 3, 'AMPLIFIED', 'LINK'],
  [4, 3, 'AMPLIFIED', 'QUOTE'],
  [4, 3, 'AMPLIFIED', 'REPOST'],
];

/** `copies` copies of the set: a few, so the code paths run more than once before the real graph. */
export function warmUpGraph(copies = 3): Graph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (let c = 0; c < copies; c++) {
    const id = (i: number) => `${WARM_UP_PREFIX}${c}:${i}`;
    NODES.forEach(([kind, platform], i) => nodes.push({ id: id(i), kind, platform, label: `${kind.toLowerCase()} ${c}`, weight: 10 ** i }));
    for (const [s, t, type, kind] of EDGES) {
      edges.push({ id: `${WARM_UP_PREFIX}${type}:${kind ?? ''}:${id(s)}->${id(t)}`, source: id(s), target: id(t), type, weight: type === 'MATCHED_TO' ? 90 : 0.8, kind });
    }
  }
  return { nodes, edges };
}
