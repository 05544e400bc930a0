import {
  canvasOf,
  DEFAULT_DEPTH,
  DEFAULT_LIMIT,
  EMPTY_STATE,
  expandNode,
  formatState,
  MAX_EXPANDED,
  openItem,
  parseState,
} from '../../../src/web/explore/url-state';

describe('explorer URL state', () => {
  it('round-trips what is open through the query string', () => {
    const s = { ...EMPTY_STATE, node: 'cr_ana', expanded: ['tiktok:1', 'hashtag:food'], selected: 'tiktok:1', chainsOf: 'cr_ana', chain: 'tiktok:99', depth: 3, limit: 300 };
    const q = formatState(s);
    expect(parseState(q)).toEqual(s);
    expect(formatState(parseState(q))).toBe(q);
    // Ids with colons and hashes survive encoding.
    expect(parseState(formatState({ ...EMPTY_STATE, node: 'hashtag:c++#1' })).node).toBe('hashtag:c++#1');
  });

  it('leaves defaults and empty values out of the URL', () => {
    expect(formatState(EMPTY_STATE)).toBe('');
    expect(formatState({ ...EMPTY_STATE, node: 'cr_a' })).toBe('?node=cr_a');
  });

  it('never throws on a hand-edited URL: bad numbers fall back, duplicates and blanks drop', () => {
    const s = parseState('?node=%20&depth=9&limit=-1&x=a,,a,b&x=c&junk=1&sel=');
    expect(s).toEqual({ ...EMPTY_STATE, expanded: ['a', 'b', 'c'], depth: DEFAULT_DEPTH, limit: DEFAULT_LIMIT });
    expect(parseState('depth=1.5').depth).toBe(DEFAULT_DEPTH);
    const many = Array.from({ length: 50 }, (_, i) => `n${i}`).join(',');
    expect(parseState(`?x=${many}`).expanded).toHaveLength(MAX_EXPANDED);
  });

  it('draws a chain over a competitor over a neighbourhood', () => {
    expect(canvasOf(EMPTY_STATE)).toEqual({ kind: 'none' });
    expect(canvasOf({ ...EMPTY_STATE, node: 'cr_a' })).toEqual({ kind: 'neighborhood', node: 'cr_a' });
    expect(canvasOf({ ...EMPTY_STATE, node: 'cr_a', brand: 'br_b' })).toEqual({ kind: 'competitor', brand: 'br_b' });
    expect(canvasOf({ ...EMPTY_STATE, brand: 'br_b', chain: 'x:1' })).toEqual({ kind: 'chain', root: 'x:1' });
  });

  it('opens a brand as a competitor, a creator or campaign with its chains, keeping the size settings', () => {
    const from = { ...EMPTY_STATE, node: 'cr_old', expanded: ['x:1'], depth: 1, limit: 80 };
    expect(openItem(from, 'br_acme')).toEqual({ ...EMPTY_STATE, brand: 'br_acme', selected: 'br_acme', depth: 1, limit: 80 });
    expect(openItem(from, 'cr_ana')).toEqual({ ...EMPTY_STATE, node: 'cr_ana', selected: 'cr_ana', chainsOf: 'cr_ana', depth: 1, limit: 80 });
    expect(openItem(from, 'cp_launch').chainsOf).toBe('cp_launch');
    expect(openItem(from, 'hashtag:food')).toMatchObject({ node: 'hashtag:food', chainsOf: null, expanded: [] });
  });

  it('expands a node once and selects it', () => {
    const s = expandNode({ ...EMPTY_STATE, node: 'cr_a' }, 'x:1');
    expect(s).toMatchObject({ expanded: ['x:1'], selected: 'x:1' });
    expect(expandNode(s, 'x:1').expanded).toEqual(['x:1']);
    expect(expandNode(s, 'cr_a').expanded).toEqual(['x:1']);
  });
});
