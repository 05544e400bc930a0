/**
 * Creator order keys: the write path stores, for every creator, the key src/graph/order-keys.ts
 * computes from its stored values (creation, refresh, posts, renames, merges); migration 007 gives
 * creators written before it the same keys; and each list statement reads its order from an index
 * (EXPLAIN: a range seek, no label scan, no sort), so a page does not grow with the graph.
 */
import { writeAccounts } from '../../src/graph/accounts';
import { setCreatorTracking } from '../../src/graph/creators';
import { nameKey, numberKey, ORDER_FIELDS, type OrderField } from '../../src/graph/order-keys';
import { creatorPageParams, creatorPageStatement, MATCH_STATUSES } from '../../src/graph/pages';
import { writePosts } from '../../src/graph/posts';
import { nullBus } from '../../src/matching/events';
import { writeMatches } from '../../src/matching/write';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { loadMigrations } from '../../src/neo4j/migrate';
import { cypher } from '../../src/neo4j/queries';
import { freshGraph } from '../support/graph';

const fetchedAt = '2026-11-20T00:00:00.000Z';

interface KeyRow {
  id: string;
  reachHigh: number | null;
  tiktokFollowers: number | null;
  xFollowers: number | null;
  lastPostMs: number | null;
  nameLower: string | null;
  orderReach: string;
  orderTiktok: string;
  orderX: string;
  orderLastPost: string;
  orderName: string;
}

async function keys(graph: GraphClient): Promise<KeyRow[]> {
  return (await graph.runText(
    `MATCH (c:Creator) RETURN c.id AS id, c.reachHigh AS reachHigh, c.tiktokFollowers AS tiktokFollowers,
       c.xFollowers AS xFollowers, c.lastPostAt.epochMillis AS lastPostMs, c.displayNameLower AS nameLower,
       c.orderReach AS orderReach, c.orderTiktok AS orderTiktok, c.orderX AS orderX, c.orderLastPost AS orderLastPost, c.orderName AS orderName`,
  )) as unknown as KeyRow[];
}

function expectKeysFollowValues(rows: KeyRow[]) {
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    expect(r.orderReach).toBe(numberKey(r.reachHigh, r.id));
    expect(r.orderTiktok).toBe(numberKey(r.tiktokFollowers, r.id));
    expect(r.orderX).toBe(numberKey(r.xFollowers, r.id));
    expect(r.orderLastPost).toBe(numberKey(r.lastPostMs, r.id));
    expect(r.orderName).toBe(nameKey(r.nameLower, r.id));
  }
}

describe('creator order keys', () => {
  let graph: GraphClient;
  beforeAll(async () => {
    graph = await freshGraph();
  });
  afterAll(() => graph.close());

  it('are kept by the write path: creation, refresh, posts, renames and merges', async () => {
    await writeAccounts(graph, [
      { platform: 'TIKTOK', platformUserId: '1', username: 'amy', displayName: 'Amy Chen', followers: 812_000, fetchedAt },
      { platform: 'X', platformUserId: '2', username: 'amyc', displayName: 'Amy C', followers: 41_200, fetchedAt },
      { platform: 'X', platformUserId: '3', username: 'bob', displayName: 'Bob', followers: 7, fetchedAt },
    ]);
    // Not refreshed: the keys still exist (0 reach, no post), so the creator lists.
    await writeAccounts(graph, [{ platform: 'TIKTOK', platformUserId: '4', username: 'raw', displayName: 'Raw', followers: 9, fetchedAt }], { refresh: false });
    await writePosts(graph, [{
      platform: 'TIKTOK', platformPostId: '10', authorPlatformUserId: '1', url: 'https://example.test/10', text: 'hi',
      createdAt: '2026-11-19T10:00:00Z', hashtags: [], mentions: [], metrics: { likes: 1, comments: 0, shares: 0 }, fetchedAt,
    }]);
    await setCreatorTracking(graph, ['x:3'], { tracked: true, displayName: 'Robert' });
    await writeMatches(graph, nullBus, [{ tiktokAccountId: 'tiktok:1', xAccountId: 'x:2', score: 95, reasons: ['BIOLINK_EXACT'], evidence: [], status: 'AUTO' }]);
    const rows = await keys(graph);
    expect(rows).toHaveLength(3);
    const raw = rows.find((r) => r.nameLower === 'raw')!;
    expect(raw.reachHigh).toBeNull();
    expect(raw.orderReach).toBe(numberKey(0, raw.id));
    expectKeysFollowValues(rows.filter((r) => r !== raw));
    const amy = rows.find((r) => r.nameLower === 'amy chen')!;
    expect(amy.reachHigh).toBeGreaterThan(812_000);
    expect(amy.lastPostMs).toBe(Date.parse('2026-11-19T10:00:00Z'));
    expect(rows.find((r) => r.orderName.startsWith('nrobert\u0001'))).toBeDefined();
  });

  it('are given by migration 007 to creators written before it, as the code computes them', async () => {
    await graph.runText('MATCH (c:Creator) REMOVE c.orderReach, c.orderTiktok, c.orderX, c.orderLastPost, c.orderName');
    await graph.runText("CREATE (:Creator {id: 'cr_old', displayName: 'Old One', displayNameLower: 'old one', reachHigh: 1234.6, active: true})");
    const m = loadMigrations().find((x) => x.id.startsWith('007_'))!;
    for (const s of m.statements) await graph.runText(s);
    const rows = await keys(graph);
    expect(rows).toHaveLength(4);
    expectKeysFollowValues(rows);
    expect(rows.find((r) => r.id === 'cr_old')!.orderReach).toBe('000000000001235|cr_old');
  });

  it('serve every creator list order from an index: a range seek, no label scan, no sort', async () => {
    const filters = { search: null, platforms: null, matchStatuses: null, minReach: null, active: true, tracked: null, includeUnbackfilled: false };
    for (const field of ORDER_FIELDS as readonly OrderField[]) {
      for (const direction of ['ASC', 'DESC'] as const) {
        const name = creatorPageStatement(field, direction, false);
        const params = creatorPageParams({ ...filters, orderField: field, direction, after: null, skip: 0, take: 21, withAccounts: true, postsTake: 6 });
        const steps = await planSteps(graph, name, params);
        const ops = steps.map((s) => s.op);
        expect(ops).toContain('NodeIndexSeekByRange');
        expect(ops.filter((o) => /^(NodeByLabelScan|AllNodesScan)$/.test(o))).toEqual([]);
        // What is sorted is a creator's accounts (by platform) and each account's top posts (newest
        // first), read with the page; never the creators.
        const sorts = steps.filter((s) => /^(Sort|Top|PartialSort|PartialTop)$/.test(s.op));
        for (const s of sorts) expect(s.details.replace(/`/g, '')).toMatch(/^(p\.createdAt DESC, p\.id DESC|a\.platform ASC)/);
        expect(sorts.length).toBeLessThanOrEqual(2);
      }
    }
    const matchOps = await plan(graph, 'read/match-page', { statuses: MATCH_STATUSES, minScore: -1, skip: 0, take: 21, id: '', score: 101 });
    expect(matchOps).toContain('DirectedRelationshipIndexSeek');
    expect(matchOps.filter((o) => /RelationshipTypeScan|AllNodesScan|NodeByLabelScan/.test(o))).toEqual([]);
    expect(await plan(graph, 'read/creator-count-all', {})).toContain('NodeCountFromCountStore');
    expect(await plan(graph, 'read/match-count-all', {})).toContain('RelationshipCountFromCountStore');
    const count = await plan(graph, 'read/creator-count', { ...filters, actives: [true], backfills: [true] });
    expect(count.some((o) => o.startsWith('NodeIndexSeek'))).toBe(true);
  });
});

async function plan(graph: GraphClient, name: string, params: Record<string, unknown>): Promise<string[]> {
  return (await planSteps(graph, name, params)).map((s) => s.op);
}

async function planSteps(graph: GraphClient, name: string, params: Record<string, unknown>): Promise<{ op: string; details: string }[]> {
  const session = graph.driver.session();
  try {
    const res = await session.executeRead((tx) => tx.run(`EXPLAIN ${cypher(name)}`, params));
    const out: { op: string; details: string }[] = [];
    const walk = (p: { operatorType: string; arguments?: { Details?: unknown }; children: unknown[] }) => {
      out.push({ op: p.operatorType.replace(/@neo4j$/, ''), details: String(p.arguments?.Details ?? '') });
      for (const c of p.children) walk(c as typeof p);
    };
    walk(res.summary.plan as unknown as { operatorType: string; children: unknown[] });
    return out;
  } finally {
    await session.close();
  }
}
