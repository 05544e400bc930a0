/**
 * trendSpike over graphql-ws: the simulated world is ingested through the real lanes, and every
 * spike a newly written hour completes goes out once on the shared pub/sub. A tiny world, so the
 * spike floor is lowered and spikes of any age count as new (TREND_LIVE_MAX_AGE_HOURS).
 *
 * No sleeps: a subscription counts as live once a canary event published on the same pub/sub
 * reaches it (published again on each poll until it does, within a deadline).
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { App } from '../../src/app';
import { TREND_SPIKE } from '../../src/api/pubsub';
import type { TrendSpikeEvent } from '../../src/analytics/live-spikes';
import { gql, startSimulatedApp, wsAuth } from '../support/app';

const FIELDS = 'tag category spillover xVolume tiktokVolume xSpikeAt tiktokSpikeAt lagHours leader';

/** Polls `done` every 25 ms (running `each` first) until it holds or the deadline passes. */
async function pollUntil(done: () => boolean, what: string, each: () => void = () => undefined, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    each();
    if (done()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function canary(platform: 'X' | 'TIKTOK', category: string | null): TrendSpikeEvent {
  return {
    platform,
    trend: {
      tag: `canary${platform.toLowerCase()}`, category, xVolume: 0, tiktokVolume: 0, spillover: 'BOTH', leader: null,
      xSpikeAt: null, tiktokSpikeAt: null, lagHours: null, lagHoursLow: null, lagHoursHigh: null,
    },
  };
}

async function subscribe(app: App, client: Client, args: string, canaryPlatform: 'X' | 'TIKTOK', canaryCategory: string | null = null) {
  const got: any[] = [];
  const errors: unknown[] = [];
  const dispose = client.subscribe(
    { query: `subscription { trendSpike${args} { ${FIELDS} } }` },
    { next: (v) => got.push(v.data?.trendSpike), error: (e) => errors.push(e), complete: () => undefined },
  );
  await pollUntil(
    () => errors.length > 0 || got.some((t) => t?.tag.startsWith('canary')),
    'the subscription to go live',
    () => app.pubSub.publish(TREND_SPIKE, canary(canaryPlatform, canaryCategory)),
  );
  expect(errors).toEqual([]);
  return { events: () => got.filter((t) => !t.tag.startsWith('canary')), dispose };
}

describe('trendSpike subscription', () => {
  let app: App;
  let client: Client;
  beforeAll(async () => {
    app = await startSimulatedApp({
      SIM_CREATORS: '30',
      TREND_LIVE_MAX_AGE_HOURS: '720',
      TREND_SPIKE_MIN_CREATORS: '3',
      TREND_SPIKE_ALPHA: '0.001',
      TREND_MIN_BASELINE_HOURS: '1',
    });
    client = createClient({ url: app.api.wsUrl, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, connectionParams: wsAuth('viewer') });
  }, 300_000);
  afterAll(async () => {
    await client?.dispose();
    await app?.close();
  }, 120_000);

  it('publishes each spike the ingested hours complete once, filtered by platform and category', async () => {
    const all = await subscribe(app, client, '', 'X');
    const tiktok = await subscribe(app, client, '(platform: TIKTOK)', 'TIKTOK');
    const beauty = await subscribe(app, client, '(category: "beauty")', 'X', 'beauty');

    await app.ingestion.seedWorld();
    const notices = (await app.graph.runText('MATCH (n:TrendSpikeNotice) RETURN n.key AS key')).map((r) => String(r.key));
    expect(notices.length).toBeGreaterThan(0);
    const tiktokNotices = notices.filter((k) => k.startsWith('TIKTOK|'));
    // Every claimed spike reaches the unfiltered subscriber once; the filtered ones get their share.
    await pollUntil(
      () =>
        all.events().length >= notices.length &&
        tiktok.events().length >= tiktokNotices.length &&
        beauty.events().length >= all.events().filter((t) => t.category === 'beauty').length,
      'every spike event',
    );
    expect(all.events()).toHaveLength(notices.length);
    expect(tiktok.events()).toHaveLength(tiktokNotices.length);
    for (const t of tiktok.events()) expect(t.tiktokSpikeAt).not.toBeNull();
    expect(beauty.events().every((t) => t.category === 'beauty')).toBe(true);
    expect(new Set(all.events().map((t) => t.tag))).toEqual(new Set(notices.map((k) => k.split('|')[1])));

    // Each event is a trend with a spike and volume. (hashtagTrends asked after the backfill may
    // drop some: posts arriving later in a backfill fill in a baseline an early spike lacked.)
    for (const t of all.events()) {
      expect(t.xSpikeAt ?? t.tiktokSpikeAt).not.toBeNull();
      expect(t.xVolume + t.tiktokVolume).toBeGreaterThanOrEqual(3);
    }
    const res = await gql(app.api.url, `{ hashtagTrends(since: "2026-08-01T00:00:00Z", until: "2027-01-01T00:00:00Z", first: 1000) { ${FIELDS} } }`);
    expect(res.errors).toBeUndefined();
    const listed = new Set(res.data.hashtagTrends.map((t: { tag: string }) => t.tag));
    const published = [...new Set(all.events().map((t) => t.tag))];
    console.log(`trendSpike: ${all.events().length} events (${tiktokNotices.length} TikTok), ${published.filter((t) => listed.has(t)).length}/${published.length} tags still listed after the backfill`);
    all.dispose();
    tiktok.dispose();
    beauty.dispose();
  }, 600_000);
});
