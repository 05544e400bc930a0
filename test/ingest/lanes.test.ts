/**
 * Lane independence against the provider simulators with the real clients, pipeline and Neo4j:
 * with X answering after a long delay, or failing every request, the TikTok lane still finishes
 * the same backfill while X's work is still pending.
 */
import { backfillAccounts, type BackfillAccount, type BackfillProgress } from '../../src/ingest/backfill';
import { startSeededIngestion, type SeededIngestion } from '../../src/seeding/ingestion';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/log';
import { nullBus } from '../../src/matching/events';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { freshGraph } from '../support/graph';

let graph: GraphClient;
let rt: SeededIngestion;
let accounts: BackfillAccount[];

beforeAll(async () => {
  graph = await freshGraph();
  rt = await startSeededIngestion(
    loadConfig({ SIMULATE: 'true', SIM_CREATORS: '30', LOG_LEVEL: 'silent', TIKLIVEAPI_REQUESTS_PER_MINUTE: '100000' }),
    {
      graph,
      bus: nullBus,
      logger: silentLogger,
      schedule: false,
      stage: false,
      world: { simulatorOptions: { tiklive: { rateLimit: 100_000 } } },
    },
  );
  const world = rt.demo!.world;
  const live = (a: { private: boolean; deletedAt: number | null } | null) => !!a && !a.private && a.deletedAt === null;
  const tiktok = world.tiktok.accounts.filter(live).slice(0, 12);
  const x = world.x.accounts.filter(live).slice(0, 12);
  const [t, xs] = await Promise.all([
    rt.lanes.tiktok.run({ kind: 'profiles', refs: tiktok.map((a) => ({ userId: a.id })) }),
    rt.lanes.x.run({ kind: 'profiles', refs: x.map((a) => ({ userId: a.id })) }),
  ]);
  accounts = [...t.accounts, ...xs.accounts].map((id) => {
    const [p, key] = id.split(':');
    return { accountId: id, platform: p === 'tiktok' ? 'TIKTOK' : 'X', platformUserId: key };
  });
  expect(accounts.filter((a) => a.platform === 'TIKTOK').length).toBeGreaterThan(5);
  expect(accounts.filter((a) => a.platform === 'X').length).toBeGreaterThan(5);
  // A first pass writes every post, so the timed passes below compare like with like (re-writes).
  await backfillAccounts({ graph, lanes: rt.lanes, now: rt.now.TIKTOK }, accounts, { days: 30 });
});

afterAll(async () => {
  await rt?.close();
  await graph?.close();
});

/** Runs a backfill of every account and resolves once TikTok's part is done, with both lanes' state then. */
async function tiktokFinishes() {
  const t0 = Date.now();
  let tiktokDone!: () => void;
  const tiktokFinished = new Promise<void>((r) => (tiktokDone = r));
  const last: Partial<Record<'TIKTOK' | 'X', BackfillProgress>> = {};
  const all = backfillAccounts({ graph, lanes: rt.lanes, now: rt.now.TIKTOK }, accounts, {
    days: 30,
    chunkSize: 3,
    onProgress: (p) => {
      last[p.platform] = p;
      if (p.platform === 'TIKTOK' && p.accountsDone + p.accountsFailed === p.accountsTotal) tiktokDone();
    },
  });
  await Promise.race([tiktokFinished, all]);
  const ms = Date.now() - t0;
  const [tiktokLane, xLane] = await rt.lanes.status();
  return { ms, all, tiktok: last.TIKTOK!, x: last.X, tiktokLane, xLane };
}

describe('lane independence', () => {
  it('TikTok finishes its backfill while a slow X has finished nothing', async () => {
    const healthy = await tiktokFinishes();
    await healthy.all;
    expect(healthy.tiktok.accountsFailed).toBe(0);

    rt.demo!.simulators.x.setMode({ latencyMs: 8000 });
    const slow = await tiktokFinishes();
    try {
      expect(slow.tiktok).toMatchObject({ accountsDone: healthy.tiktok.accountsDone, accountsFailed: 0, posts: healthy.tiktok.posts });
      // X has not completed a single job, and still has its work queued or in flight.
      expect(slow.x).toBeUndefined();
      expect(slow.xLane.queueDepth).toBeGreaterThan(0);
      expect(slow.tiktokLane).toMatchObject({ state: 'IDLE', queueDepth: 0 });
      console.log(`TikTok backfill: ${healthy.ms} ms with X healthy, ${slow.ms} ms with X answering after 8 s`);
    } finally {
      rt.demo!.simulators.x.setMode({ latencyMs: 0 });
      await slow.all;
    }
  });

  it('TikTok finishes its backfill while X fails every request (503)', async () => {
    rt.demo!.simulators.x.setMode({ failAll: 503 });
    const failing = await tiktokFinishes();
    try {
      expect(failing.tiktok.accountsFailed).toBe(0);
      expect(failing.tiktok.accountsDone).toBe(accounts.filter((a) => a.platform === 'TIKTOK').length);
      expect(failing.tiktokLane.state).toBe('IDLE');
      const summary = await failing.all;
      // Every X account is left pending (not marked backfilled), none of TikTok's.
      const failedPlatforms = new Set(summary.failed.map((f) => f.accountId.split(':')[0]));
      expect([...failedPlatforms]).toEqual(['x']);
      expect(summary.failed.length).toBe(accounts.filter((a) => a.platform === 'X').length);
      const xLane = (await rt.lanes.status())[1];
      expect(['FAILING', 'BACKING_OFF']).toContain(xLane.state);
      expect(xLane.lastError).toMatch(/TRANSIENT|503/);
    } finally {
      rt.demo!.simulators.x.setMode({ failAll: null });
    }
  });
});
