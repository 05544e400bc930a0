/**
 * How the canvas looks: colours by node kind and platform, shapes by kind, edge styles by type and
 * amplification kind. The same palette is used by the legend (LEGEND), so what the legend says is
 * what is drawn. Classes come from elements.ts (kind-*, platform-*, type-*, amp-*).
 */

export const COLORS = {
  creator: '#7c3aed',
  tiktokAccount: '#c0134a',
  tiktokPost: '#f58aa5',
  xAccount: '#0b5cad',
  xPost: '#6cb8f6',
  hashtag: '#d97706',
  brand: '#047857',
  campaign: '#0e7490',
  other: '#6b7280',
  edge: '#b8bec8',
  crosspost: '#7c3aed',
  link: '#0284c7',
  quote: '#d97706',
  repost: '#059669',
  matched: '#9333ea',
  selected: '#111827',
  live: '#dc2626',
} as const;

export interface LegendItem {
  label: string;
  color: string;
  shape: 'circle' | 'square' | 'diamond' | 'hexagon' | 'line' | 'dashed' | 'dotted';
}

export const LEGEND: { nodes: LegendItem[]; edges: LegendItem[] } = {
  nodes: [
    { label: 'Creator', color: COLORS.creator, shape: 'circle' },
    { label: 'TikTok account', color: COLORS.tiktokAccount, shape: 'square' },
    { label: 'TikTok post', color: COLORS.tiktokPost, shape: 'circle' },
    { label: 'X account', color: COLORS.xAccount, shape: 'square' },
    { label: 'X post', color: COLORS.xPost, shape: 'circle' },
    { label: 'Hashtag', color: COLORS.hashtag, shape: 'hexagon' },
    { label: 'Brand', color: COLORS.brand, shape: 'diamond' },
    { label: 'Campaign', color: COLORS.campaign, shape: 'diamond' },
  ],
  edges: [
    { label: 'Cross-post', color: COLORS.crosspost, shape: 'line' },
    { label: 'Link', color: COLORS.link, shape: 'dashed' },
    { label: 'Quote', color: COLORS.quote, shape: 'line' },
    { label: 'Repost', color: COLORS.repost, shape: 'dotted' },
    { label: 'Matched to', color: COLORS.matched, shape: 'dashed' },
    { label: 'Has account / posted / tagged / owns', color: COLORS.edge, shape: 'line' },
  ],
};

type Style = { selector: string; style: Record<string, string | number> };

export const STYLESHEET: Style[] = [
  {
    selector: 'node',
    style: {
      width: 'data(size)',
      height: 'data(size)',
      'background-color': COLORS.other,
      label: 'data(label)',
      'font-size': 10,
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      color: '#1f2937',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-outline-color': '#ffffff',
      'text-outline-width': 2,
      // Labels vanish when zoomed out far enough to be unreadable: 300 labels at once are noise.
      'min-zoomed-font-size': 7,
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  { selector: 'node.kind-creator', style: { 'background-color': COLORS.creator, shape: 'ellipse', 'font-weight': 'bold' } },
  { selector: 'node.kind-account', style: { shape: 'round-rectangle' } },
  { selector: 'node.kind-account.platform-tiktok', style: { 'background-color': COLORS.tiktokAccount } },
  { selector: 'node.kind-account.platform-x', style: { 'background-color': COLORS.xAccount } },
  // Post texts are long: shown on hover and selection only. No label at all otherwise (not merely a
  // transparent one): Cytoscape measures every label and caches it as a texture on the first frame,
  // which for a neighbourhood of 300 posts was most of the text work of the first picture.
  { selector: 'node.kind-post', style: { shape: 'ellipse', label: '' } },
  { selector: 'node.kind-post.platform-tiktok', style: { 'background-color': COLORS.tiktokPost } },
  { selector: 'node.kind-post.platform-x', style: { 'background-color': COLORS.xPost } },
  { selector: 'node.kind-hashtag', style: { 'background-color': COLORS.hashtag, shape: 'hexagon' } },
  { selector: 'node.kind-brand', style: { 'background-color': COLORS.brand, shape: 'diamond', 'font-weight': 'bold' } },
  { selector: 'node.kind-campaign', style: { 'background-color': COLORS.campaign, shape: 'diamond' } },
  { selector: 'node.hover, node:selected', style: { label: 'data(label)', 'z-index': 20 } },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': COLORS.selected } },
  { selector: 'node.focus', style: { 'border-width': 3, 'border-color': '#f59e0b' } },
  { selector: 'node.live', style: { 'border-width': 3, 'border-color': COLORS.live } },
  { selector: 'node.expanded', style: { 'border-style': 'double', 'border-width': 4, 'border-color': '#374151' } },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-color': COLORS.edge,
      // Haystack: a line between the two centres, under the nodes, so it looks like a straight edge
      // but skips working out where each line meets its nodes' shapes (edge geometry was a tenth
      // of a cold first picture). It draws no arrows, so AMPLIFIED edges stay straight.
      'curve-style': 'haystack',
      'haystack-radius': 0,
      opacity: 0.8,
    },
  },
  { selector: 'edge.type-matched_to', style: { 'line-color': COLORS.matched, 'line-style': 'dashed' } },
  { selector: 'edge.type-mentions', style: { 'line-style': 'dotted' } },
  { selector: 'edge.type-tagged', style: { 'line-color': '#f3c98b' } },
  { selector: 'edge.type-owns', style: { 'line-color': COLORS.brand } },
  {
    selector: 'edge.type-amplified',
    style: {
      'curve-style': 'straight',
      'target-arrow-shape': 'triangle',
      'target-arrow-color': COLORS.crosspost,
      'line-color': COLORS.crosspost,
      'arrow-scale': 0.9,
    },
  },
  { selector: 'edge.amp-link', style: { 'line-color': COLORS.link, 'target-arrow-color': COLORS.link, 'line-style': 'dashed' } },
  { selector: 'edge.amp-quote', style: { 'line-color': COLORS.quote, 'target-arrow-color': COLORS.quote } },
  { selector: 'edge.amp-repost', style: { 'line-color': COLORS.repost, 'target-arrow-color': COLORS.repost, 'line-style': 'dotted' } },
  { selector: 'edge.live', style: { 'line-color': COLORS.live, 'target-arrow-color': COLORS.live, width: 4 } },
  { selector: 'edge.hover', style: { opacity: 1, 'z-index': 20, label: 'data(type)', 'font-size': 9, 'text-rotation': 'autorotate' } },
];
