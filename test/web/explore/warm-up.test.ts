import { toElements } from '../../../src/web/explore/elements';
import { warmUpGraph, WARM_UP_PREFIX } from '../../../src/web/explore/warm-up';
import { STYLESHEET } from '../../../src/web/explore/graph-style';

describe('warmUpGraph', () => {
  const g = warmUpGraph(2);

  it('holds every node kind and platform and every edge type and amplification kind', () => {
    const nodeKinds = new Set(g.nodes.map((n) => `${n.kind}/${n.platform}`));
    for (const k of ['CREATOR/null', 'ACCOUNT/TIKTOK', 'ACCOUNT/X', 'POST/TIKTOK', 'POST/X', 'HASHTAG/null', 'BRAND/null', 'CAMPAIGN/null']) expect(nodeKinds).toContain(k);
    const edgeKinds = new Set(g.edges.map((e) => `${e.type}/${e.kind}`));
    for (const k of ['HAS_ACCOUNT/null', 'MATCHED_TO/null', 'POSTED/null', 'TAGGED/null', 'MENTIONS/null', 'OWNS/null', 'AMPLIFIED/CROSSPOST', 'AMPLIFIED/LINK', 'AMPLIFIED/QUOTE', 'AMPLIFIED/REPOST']) {
      expect(edgeKinds).toContain(k);
    }
  });

  it('uses every class the stylesheet styles', () => {
    const classes = new Set(toElements(g).flatMap((e) => e.classes.split(' ')));
    const styled = STYLESHEET.flatMap((s) => [...s.selector.matchAll(/\.([a-z_-]+)/g)].map((m) => m[1])).filter((c) => /^(kind|platform|type|amp)-/.test(c));
    for (const c of styled) expect(classes).toContain(c);
  });

  it('has unique ids, all marked, that no real node or edge id can take', () => {
    const ids = [...g.nodes.map((n) => n.id), ...g.edges.map((e) => e.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.startsWith(WARM_UP_PREFIX)).toBe(true);
    // Real ids: cr_…, <platform>:<id>, br_…, cp_…, hashtag:<tag>, TYPE:<source>-><target>: none has a space.
    expect(WARM_UP_PREFIX).toContain(' ');
    // Every edge joins two of its nodes, so none is dropped on the way to Cytoscape.
    expect(toElements(g).filter((e) => e.group === 'edges')).toHaveLength(g.edges.length);
  });
});
