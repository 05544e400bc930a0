/**
 * The TikTok lane running out of monthly credits, seen from the API: the lane pauses and says so
 * in `Query.ingestion` (BACKING_OFF, paused, the QUOTA reason, when the budget reopens, the job it
 * holds), a new trackCreator on TikTok is refused as LANE_UNAVAILABLE without spending anything,
 * and the X lane carries on.
 */
import type { App } from '../../src/app';
import { laneLookup } from '../../src/ingest/lookup';
import { discoverCounterparts } from '../../src/matching/discovery';
import { nullBus } from '../../src/matching/events';
import type { SimAccount } from '../../src/simulators/world';
import { gql, startSimulatedApp } from '../support/app';

const INGESTION = `{ ingestion { platform provider state paused lastError rateLimitResetAt queueDepth creditsUsed creditsLimit } }`;
const TRACK = `mutation($input: TrackCreatorInput!) { trackCreator(input: $input) { creator { id backfilled } errors { code message } } }`;

let app: App;

beforeAll(async () => {
  app = await startSimulatedApp({
    SIM_CREATORS: '60',
    // One lookup: enough to resolve a handle, not enough for its posts.
    TIKLIVEAPI_MONTHLY_CREDITS: '1',
  });
});

afterAll(async () => {
  await app?.close();
});

it('pauses the TikTok lane when its credits run out, visibly, while X carries on', async () => {
  const world = app.ingestion.demo!.world;
  const live = (a: SimAccount) => !a.private && a.deletedAt === null && !a.quirk;
  const [first, second] = world.tiktok.accounts.filter(live);
  const xOnly = world.x.accounts.find(live)!;

  const t = await gql(app.api.url, TRACK, { input: { tiktokUsername: first.username } });
  expect(t.errors).toBeUndefined();
  expect(t.data.trackCreator.errors).toEqual([]);

  // The backfill's first posts page finds the budget spent: the lane pauses, holding that job.
  let lanes: any[] = [];
  for (let i = 0; i < 200; i++) {
    lanes = (await gql(app.api.url, INGESTION)).data.ingestion;
    if (lanes[0].paused) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const [tiktok, x] = lanes;
  const now = new Date();
  const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString();
  expect(tiktok).toMatchObject({
    platform: 'TIKTOK',
    provider: 'tikliveapi',
    state: 'BACKING_OFF',
    paused: true,
    rateLimitResetAt: nextMonth,
    queueDepth: 1,
    creditsUsed: 1,
    creditsLimit: 1,
  });
  expect(tiktok.lastError).toMatch(/^QUOTA: monthly credit budget exhausted \(1\/1 credits\)/);
  expect(x).toMatchObject({ platform: 'X', paused: false });

  // A user asking for more TikTok work is told at once; nothing is sent.
  const requests = app.ingestion.demo!.simulators.tiklive.stats.requests;
  const refused = await gql(app.api.url, TRACK, { input: { tiktokUsername: second.username } });
  expect(refused.data.trackCreator).toMatchObject({ creator: null, errors: [{ code: 'LANE_UNAVAILABLE' }] });
  expect(refused.data.trackCreator.errors[0].message).toMatch(/paused/);
  expect(app.ingestion.demo!.simulators.tiklive.stats.requests).toBe(requests);

  // The X lane is untouched: it tracks and backfills a creator to the end.
  const tx = await gql(app.api.url, TRACK, { input: { xUsername: xOnly.username } });
  expect(tx.data.trackCreator.errors).toEqual([]);
  const xCreator = tx.data.trackCreator.creator.id;
  for (let i = 0; i < 200; i++) {
    const c = await gql(app.api.url, `query($id: ID!) { creator(id: $id) { backfilled } }`, { id: xCreator });
    if (c.data.creator.backfilled) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const c = await gql(app.api.url, `query($id: ID!) { creator(id: $id) { backfilled } }`, { id: xCreator });
  expect(c.data.creator.backfilled).toBe(true);
  const after = (await gql(app.api.url, INGESTION)).data.ingestion;
  // Still the one held job: the X-only creator's counterpart lookup on TikTok was refused by the
  // pause, not queued behind it.
  expect(after[0]).toMatchObject({ state: 'BACKING_OFF', paused: true, queueDepth: 1 });
  expect(after[1]).toMatchObject({ state: 'IDLE', paused: false, queueDepth: 0 });

  // Discovery (the weekly run's, here for the X-only creator) asks the paused lane and gets its
  // refusal at once: it finishes instead of waiting for next month.
  const found = await discoverCounterparts(app.graph, nullBus, laneLookup(app.ingestion.lanes), { accountIds: [`x:${xOnly.id}`] });
  expect(found).toMatchObject({ sources: 1, ingested: 0 });
  expect(found.lookedUp).toBeGreaterThan(0);
  expect((await gql(app.api.url, INGESTION)).data.ingestion[0]).toMatchObject({ paused: true, queueDepth: 1 });
});
