/**
 * Scheduling: the runtime registers the four jobs with the configured cadences (croner in process,
 * BullMQ job schedulers with Redis), a job can be triggered by hand, and the posts jobs pick the
 * tracked accounts of their tiers only.
 */
import { Queue } from 'bullmq';
import { Cron } from 'croner';
import IORedis from 'ioredis';
import { loadConfig } from '../../src/config';
import { startSeededIngestion, type SeededIngestion } from '../../src/seeding/ingestion';
import { SCHEDULED_JOBS, startScheduler, type RefreshSummary } from '../../src/ingest/schedule';
import { silentLogger } from '../../src/log';
import { nullBus } from '../../src/matching/events';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { freshGraph } from '../support/graph';
import { redisAvailable, startRedis } from '../providers/support/redis';

const CADENCES = {
  SCHEDULE_PROFILES: '0 2 * * *',
  SCHEDULE_POSTS_ACTIVE: '*/30 * * * *',
  SCHEDULE_POSTS_LONG_TAIL: '15 6 * * *',
  SCHEDULE_MATCHING: '0 4 * * 0',
};

describe('schedule', () => {
  let graph: GraphClient;
  let rt: SeededIngestion;
  const matchingRuns: number[] = [];

  beforeAll(async () => {
    graph = await freshGraph();
    rt = await startSeededIngestion(loadConfig({ SIMULATE: 'true', SIM_CREATORS: '30', LOG_LEVEL: 'silent', ...CADENCES }), {
      graph,
      bus: nullBus,
      logger: silentLogger,
      stage: false,
      runMatching: async () => {
        matchingRuns.push(Date.now());
        return { runId: 'test' };
      },
    });
  });

  afterAll(async () => {
    await rt?.close();
    await graph?.close();
  });

  it('registers the four jobs with the configured cadences and their next runs', () => {
    const jobs = rt.scheduler!.jobs();
    expect(rt.scheduler!.backend).toBe('croner');
    expect(Object.fromEntries(jobs.map((j) => [j.name, j.pattern]))).toEqual({
      profiles: CADENCES.SCHEDULE_PROFILES,
      'posts-active': CADENCES.SCHEDULE_POSTS_ACTIVE,
      'posts-long-tail': CADENCES.SCHEDULE_POSTS_LONG_TAIL,
      matching: CADENCES.SCHEDULE_MATCHING,
    });
    for (const j of jobs) {
      const expected = new Cron(j.pattern, { paused: true, timezone: 'UTC' }).nextRun();
      expect(j.nextRunAt?.toISOString()).toBe(expected?.toISOString());
      expect(j.running).toBe(false);
    }
  });

  it('runs a job by hand: posts jobs refresh only their tiers, matching calls the matcher', async () => {
    const world = rt.demo!.world;
    const live = world.tiktok.accounts.filter((a) => !a.private && a.deletedAt === null && !a.quirk);
    const [active, longTail] = live;
    await rt.tracking.trackMany(
      [
        { platform: 'TIKTOK', username: active.username, tier: 'ACTIVE' },
        { platform: 'TIKTOK', username: longTail.username, tier: 'LONG_TAIL' },
      ],
      { days: 2 },
    );
    const before = rt.demo!.simulators.tiklive.stats.byEndpoint['user-posts'] ?? 0;
    const res = (await rt.scheduler!.trigger('posts-active')) as RefreshSummary;
    expect(res).toMatchObject({ accounts: 1, jobs: 1, errors: 0 });
    expect((rt.demo!.simulators.tiklive.stats.byEndpoint['user-posts'] ?? 0) - before).toBeGreaterThanOrEqual(1);
    const tail = (await rt.scheduler!.trigger('posts-long-tail')) as RefreshSummary;
    expect(tail).toMatchObject({ accounts: 1, jobs: 1, errors: 0 });
    const profiles = (await rt.scheduler!.trigger('profiles')) as RefreshSummary;
    expect(profiles).toMatchObject({ accounts: 2, accountsWritten: 2, errors: 0 });
    expect(rt.scheduler!.jobs().find((j) => j.name === 'profiles')!.lastRunAt).toBeInstanceOf(Date);

    await rt.scheduler!.trigger('matching');
    expect(matchingRuns).toHaveLength(1);
  });

  it('joins a run already in progress instead of starting a second one', async () => {
    let calls = 0;
    let release!: () => void;
    const s = await startScheduler({
      cadences: { profiles: '0 3 * * *', postsActive: '0 * * * *', postsLongTail: '30 4 * * *', matching: '0 5 * * 1' },
      tasks: {
        profiles: async () => {
          calls++;
          await new Promise<void>((r) => (release = r));
          return calls;
        },
        'posts-active': async () => 0,
        'posts-long-tail': async () => 0,
        matching: async () => 0,
      },
    });
    try {
      const a = s.trigger('profiles');
      const b = s.trigger('profiles');
      expect(s.jobs().find((j) => j.name === 'profiles')!.running).toBe(true);
      release();
      expect(await Promise.all([a, b])).toEqual([1, 1]);
      expect(calls).toBe(1);
    } finally {
      await s.stop();
    }
  });

  (redisAvailable() ? it : it.skip)('with Redis, registers BullMQ job schedulers with the same cadences', async () => {
    const redis = await startRedis();
    const redisUrl = `redis://127.0.0.1:${redis.port}`;
    const prefix = 'cg-test-schedule';
    const s = await startScheduler({
      cadences: { profiles: '0 2 * * *', postsActive: '*/20 * * * *', postsLongTail: '15 6 * * *', matching: '0 4 * * 0' },
      tasks: { profiles: async () => 1, 'posts-active': async () => 2, 'posts-long-tail': async () => 3, matching: async () => 4 },
      redisUrl,
      keyPrefix: prefix,
    });
    const conn = new IORedis(redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue('schedule', { connection: conn, prefix });
    try {
      expect(s.backend).toBe('bullmq');
      const schedulers = await queue.getJobSchedulers();
      expect(Object.fromEntries(schedulers.map((j) => [j.key, j.pattern]))).toEqual({
        profiles: '0 2 * * *',
        'posts-active': '*/20 * * * *',
        'posts-long-tail': '15 6 * * *',
        matching: '0 4 * * 0',
      });
      expect(schedulers.map((j) => j.key).sort()).toEqual([...SCHEDULED_JOBS].sort());
      expect(await s.trigger('posts-long-tail')).toBe(3);
    } finally {
      await s.stop();
      await queue.close();
      await conn.quit();
      await redis.stop();
    }
  });
});
