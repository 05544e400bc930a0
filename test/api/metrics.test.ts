/**
 * /metrics: admin only; counts operations by root field, refusals by reason, Cypher round trips
 * the lanes' gauges and the live graphql-ws subscriptions.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { as, gql, startTestApp, wsAuth, type TestApp } from '../support/app';

jest.setTimeout(120_000);

describe('/metrics', () => {
  let app: TestApp;
  let metricsUrl: string;
  beforeAll(async () => {
    app = await startTestApp();
    metricsUrl = app.url.replace(/\/graphql$/, '/metrics');
  });
  afterAll(() => app?.close());

  it('answers admins only', async () => {
    expect((await fetch(metricsUrl)).status).toBe(401);
    expect((await fetch(metricsUrl, { headers: as('viewer') })).status).toBe(403);
    expect((await fetch(metricsUrl, { headers: as('admin') })).status).toBe(200);
  });

  it('counts operations, refusals, round trips and lanes', async () => {
    expect((await gql(app.url, '{ creators(first: 2) { totalCount } }', {}, as('viewer'))).errors).toBeUndefined();
    const deep = `{ creators(first: 1) { nodes { ${'accounts { creator { '.repeat(10)}id${' } }'.repeat(10)} } } }`;
    expect((await gql(app.url, deep)).errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const text = await (await fetch(metricsUrl, { headers: as('admin') })).text();
    const value = (series: string) => Number(new RegExp(`^${series.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    expect(value('cg_graphql_requests_total{operation="query:creators",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(value('cg_refusals_total{reason="depth"}')).toBe(1);
    expect(value('cg_neo4j_round_trips_total{mode="READ"}')).toBeGreaterThan(0);
    expect(text).toMatch(/^cg_graphql_request_duration_seconds_bucket\{le="0.1",operation="query:creators"\} \d+/m);
    expect(text).toMatch(/^cg_lane_queue_depth\{platform="(TIKTOK|X)"\} \d+/m);
    // Per-lane provider requests by outcome (counted against real traffic in test/faults/provider-429.test.ts).
    for (const lane of ['TIKTOK', 'X']) {
      for (const status of ['2xx', '429', '5xx', 'network']) {
        expect(text).toMatch(new RegExp(`^cg_lane_provider_requests_total\\{lane="${lane}",status="${status}"\\} \\d+$`, 'm'));
      }
    }
    expect(text).toMatch(/^# TYPE cg_lane_provider_requests_total counter$/m);
    expect(text).toMatch(/^cg_ws_subscriptions \d+/m);
  });

  it('counts live subscriptions, down again when one completes and when its socket closes', async () => {
    const gauge = async () => {
      const text = await (await fetch(metricsUrl, { headers: as('admin') })).text();
      return Number(/^cg_ws_subscriptions (\S+)$/m.exec(text)?.[1] ?? NaN);
    };
    /** Reads the gauge until it shows `want` (the server counts on its own schedule), within a deadline. */
    const until = async (want: number) => {
      const deadline = Date.now() + 20_000;
      let seen = await gauge();
      while (seen !== want && Date.now() < deadline) seen = await gauge();
      return seen;
    };
    const start = await gauge();
    expect(Number.isFinite(start)).toBe(true);
    const client = createClient({ url: app.wsUrl, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, connectionParams: wsAuth('viewer') });
    const sink = { next: () => undefined, error: () => undefined, complete: () => undefined };
    try {
      const stopFirst = client.subscribe({ query: 'subscription { matchChanged { kind } }' }, sink);
      client.subscribe({ query: 'subscription { amplificationDetected { kind lagSeconds } }' }, sink);
      expect(await until(start + 2)).toBe(start + 2);
      stopFirst();
      expect(await until(start + 1)).toBe(start + 1);
    } finally {
      await client.dispose();
    }
    expect(await until(start)).toBe(start);
  });
});
