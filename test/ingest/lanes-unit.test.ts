/**
 * The lane machinery on its own (no HTTP, no Neo4j): priority, status states, and the budget
 * pause: budget errors pause the lane, keep the starved part of the job waiting, hold back queued
 * jobs, and the lane reopens when its gate does.
 */
import { Lane, type GateState, type PlatformSync, type SyncResult } from '../../src/ingest/lane';
import type { LaneClientStatus } from '../../src/providers';

const ok = (accounts: string[] = [], posts = 0): SyncResult => ({ accounts, posts, amplifications: 0, deactivated: [], errors: [] });

function clientStatus(over: Partial<LaneClientStatus> = {}): () => Promise<LaneClientStatus> {
  return async () => ({
    provider: 'tikliveapi',
    configured: true,
    requestsLastHour: 0,
    backingOff: false,
    queuedRequests: 0,
    ...over,
  });
}

/** A sync whose calls wait until released, recording the order they started in. */
function gatedSync() {
  const started: string[] = [];
  const releases: (() => void)[] = [];
  const call = async (label: string, result: SyncResult) => {
    started.push(label);
    await new Promise<void>((r) => releases.push(r));
    return result;
  };
  const sync: PlatformSync = {
    profiles: (refs) => call(`p:${refs.map((r) => r.username ?? r.userId).join(',')}`, ok(refs.map((r) => `tiktok:${r.userId ?? r.username}`))),
    posts: (ids) => call(`posts:${ids.join(',')}`, ok([], ids.length)),
  };
  return { sync, started, releaseNext: () => releases.shift()?.() };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('Lane', () => {
  it('runs jobs in order, lets a priority job jump the queue, and reports RUNNING then IDLE', async () => {
    const g = gatedSync();
    const lane = new Lane({ platform: 'TIKTOK', provider: 'tikliveapi', sync: g.sync, clientStatus: clientStatus(), concurrency: 1 });
    try {
      const a = lane.run({ kind: 'posts', userIds: ['1'], since: new Date().toISOString() });
      const b = lane.run({ kind: 'posts', userIds: ['2'], since: new Date().toISOString() });
      const c = lane.run({ kind: 'profiles', refs: [{ username: 'vip' }] }, { priority: true });
      await tick();
      expect((await lane.status()).state).toBe('RUNNING');
      expect((await lane.status()).queueDepth).toBe(3);
      for (let i = 0; i < 3; i++) {
        await tick();
        g.releaseNext();
      }
      await Promise.all([a, b, c]);
      expect(g.started).toEqual(['posts:1', 'p:vip', 'posts:2']);
      const s = await lane.status();
      expect(s).toMatchObject({ state: 'IDLE', queueDepth: 0, jobsDone: 3, postsWritten: 2, accountsWritten: 1 });
    } finally {
      await lane.close();
    }
  });

  it('reports DISABLED without credentials, BACKING_OFF while the client waits, FAILING after an unanswered error', async () => {
    const sync: PlatformSync = { profiles: async () => ok(), posts: async () => ok() };
    const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);
    const cases: [Partial<LaneClientStatus>, string][] = [
      [{ configured: false }, 'DISABLED'],
      [{ backingOff: true }, 'BACKING_OFF'],
      [{ lastErrorAt: at(2000), lastError: 'TRANSIENT: 503', lastSuccessAt: at(1000) }, 'FAILING'],
      [{ lastErrorAt: at(1000), lastError: 'TRANSIENT: 503', lastSuccessAt: at(2000) }, 'IDLE'],
    ];
    for (const [status, state] of cases) {
      const lane = new Lane({ platform: 'X', provider: 'x-api-v2', sync, clientStatus: clientStatus(status) });
      expect((await lane.status()).state).toBe(state);
      await lane.close();
    }
  });

  it('pauses on budget errors, holds queued jobs, retries only the starved refs once the gate opens', async () => {
    let budgetOpen = true;
    const calls: string[][] = [];
    const sync: PlatformSync = {
      profiles: async (refs) => {
        calls.push(refs.map((r) => r.username!));
        if (budgetOpen) budgetOpen = false; // this call spends the last credit
        const [first, ...rest] = refs;
        const errors = budgetOpen || calls.length > 1 ? [] : rest.map((r) => ({ ref: `@${r.username}`, code: 'QUOTA' as const, message: 'monthly credit budget exhausted' }));
        return { ...ok(calls.length > 1 ? refs.map((r) => r.username!) : [first.username!]), errors };
      },
      posts: async (ids) => {
        calls.push(ids);
        return ok([], 1);
      },
    };
    const until = new Date(Date.now() + 3_600_000);
    const gate = async (): Promise<GateState> =>
      calls.length > 0 && !reopened ? { open: false, until, reason: 'QUOTA: monthly credit budget exhausted (10/10 credits)' } : { open: true };
    let reopened = false;
    const lane = new Lane({ platform: 'TIKTOK', provider: 'tikliveapi', sync, clientStatus: clientStatus(), gate, concurrency: 1, recheckMs: 20 });
    try {
      const first = lane.run({ kind: 'profiles', refs: [{ username: 'a' }, { username: 'b' }, { username: 'c' }] });
      const queued = lane.run({ kind: 'posts', userIds: ['9'], since: new Date().toISOString() });
      for (let i = 0; i < 20 && !lane.paused; i++) await tick();
      expect(lane.paused).toBe(true);
      const s = await lane.status();
      expect(s.state).toBe('BACKING_OFF');
      expect(s.lastError).toMatch(/QUOTA/);
      expect(s.rateLimitResetAt?.getTime()).toBe(until.getTime());
      expect(s.queueDepth).toBe(2);
      await new Promise((r) => setTimeout(r, 60));
      expect(calls).toEqual([['a', 'b', 'c']]); // nothing ran while paused, however often the gate was asked
      reopened = true;
      const res = await first;
      await queued;
      expect(calls).toEqual([['a', 'b', 'c'], ['b', 'c'], ['9']]);
      expect(res.errors).toEqual([]);
      expect(res.accounts.sort()).toEqual(['a', 'b', 'c']);
      expect((await lane.status()).state).toBe('IDLE');
    } finally {
      await lane.close();
    }
  });

  it('close() rejects jobs that never started and releases a paused job', async () => {
    const sync: PlatformSync = {
      profiles: async (refs) => ({ ...ok(), errors: refs.map((r) => ({ ref: r.username!, code: 'USAGE_CAPPED', message: 'cap' })) }),
      posts: async () => ok(),
    };
    const lane = new Lane({ platform: 'X', provider: 'x-api-v2', sync, clientStatus: clientStatus(), concurrency: 1, budgetPauseMs: 3_600_000 });
    const paused = lane.run({ kind: 'profiles', refs: [{ username: 'a' }] });
    const waiting = lane.run({ kind: 'posts', userIds: ['1'], since: new Date().toISOString() });
    for (let i = 0; i < 20 && !lane.paused; i++) await tick();
    expect(lane.paused).toBe(true);
    await lane.close();
    await expect(waiting).rejects.toThrow();
    const res = await paused;
    expect(res.errors[0].code).toBe('USAGE_CAPPED');
    await expect(lane.run({ kind: 'posts', userIds: ['1'], since: '' })).rejects.toThrow(/closed/);
  });
});
