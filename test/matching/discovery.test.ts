/**
 * Discovery against the provider simulators: TikTok-only creators get their X counterparts looked
 * up by handle, normalised handle, bio text and bio link, through the real X client (batch
 * lookup), written with the real write path, and scored by the incremental matcher.
 */
import { accountId, type Platform } from '../../src/graph/model';
import { writeAccounts } from '../../src/graph/accounts';
import { normalizeXUser } from '../../src/ingest/normalize/x';
import { counterpartUsernames, discoverCounterparts } from '../../src/matching/discovery';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { createProviderClients, type ProviderClients } from '../../src/providers';
import { DEFAULT_TIKLIVE_KEY, DEFAULT_X_TOKEN, startSimulators, type Simulators } from '../../src/simulators/start';
import { generateWorld, type World } from '../../src/simulators/world';
import { freshGraph } from '../support/graph';
import { matchesIn, RecordingBus } from './support/accounts';

describe('counterpartUsernames', () => {
  it('proposes the pointed-at profile, bio handles, the same and the normalised handle', () => {
    expect(counterpartUsernames({ id: 'tiktok:1', platform: 'TIKTOK', username: 'Amy.Makes99', bio: 'X: @amy_tweets', bioLink: 'https://twitter.com/AmyOfficial' })).toEqual({
      platform: 'X',
      usernames: ['amyofficial', 'amy_tweets', 'amy_makes99', 'amymakes99', 'amymakes'],
    });
    expect(counterpartUsernames({ id: 'x:1', platform: 'X', username: 'chef_rosa', bio: 'tiktok.com/@rosa.cooks' }).usernames).toEqual([
      'rosa.cooks',
      'chef_rosa',
      'chefrosa',
    ]);
  });
});

describe('discoverCounterparts against the simulators', () => {
  let world: World;
  let sims: Simulators;
  let clients: ProviderClients;
  let graph: GraphClient;
  const batches: number[] = [];

  beforeAll(async () => {
    world = generateWorld({ seed: 5, creators: 200, accountsOnly: true, malformedRate: 0 });
    sims = await startSimulators(world);
    clients = createProviderClients({
      tiklive: { baseUrl: sims.tiklive.url, key: DEFAULT_TIKLIVE_KEY, requestsPerMinute: 60_000 },
      x: { baseUrl: sims.x.url, bearerToken: DEFAULT_X_TOKEN },
      clock: { sleep: async () => {} },
    });
    graph = await freshGraph();
  }, 60_000);
  afterAll(async () => {
    await graph?.close();
    await clients?.close();
    await sims?.close();
  });

  /** A small ingestion: the real X batch lookup, the real normaliser and write path. */
  async function ingest(platform: Platform, usernames: string[]): Promise<string[]> {
    if (platform !== 'X') return [];
    batches.push(usernames.length);
    const res = await clients.x.usersByUsernames(usernames);
    const records = res.users.map((u) => normalizeXUser(u, new Date(world.now).toISOString()));
    await writeAccounts(graph, records);
    return records.map((r) => accountId(r.platform, r.platformUserId));
  }

  it('finds X counterparts of TikTok-only creators and matches them', async () => {
    const tiktok = world.tiktok.accounts.filter((a) => !a.private && a.deletedAt === null);
    await writeAccounts(
      graph,
      tiktok.map((a) => ({ platform: 'TIKTOK' as const, platformUserId: a.id, username: a.username, displayName: a.displayName, bio: a.bio, bioLink: a.bioLink, followers: a.followers, fetchedAt: new Date(world.now).toISOString() })),
    );
    const bus = new RecordingBus();
    const r = await discoverCounterparts(graph, bus, ingest);
    expect(r.sources).toBe(tiktok.length);
    expect(r.ingested).toBeGreaterThan(0);
    expect(batches.every((n) => n > 0 && n <= 100)).toBe(true);
    expect(batches.length).toBeGreaterThan(1);

    const stored = await matchesIn(graph);
    const truth = new Set(world.truth.pairs.map((p) => `tiktok:${p.tiktokUserId}|x:${p.xUserId}`));
    const auto = [...stored.values()].filter((m) => m.status === 'AUTO');
    expect(auto.length).toBeGreaterThan(0);
    for (const m of auto) expect(truth.has(`${m.tiktokId}|${m.xId}`)).toBe(true);

    // Every live creator whose X handle the TikTok profile reveals (same or normalised handle,
    // a pointer in the bio or the bio link) is found and proposed.
    const live = new Set(tiktok.map((a) => a.id));
    const revealed = world.creators.filter((c) => {
      if (!c.tiktok || !c.x || !live.has(c.tiktok.id) || c.x.deletedAt !== null || c.x.private) return false;
      const names = counterpartUsernames({ id: '', platform: 'TIKTOK', username: c.tiktok.username, bio: c.tiktok.bio, bioLink: c.tiktok.bioLink }).usernames;
      return names.includes(c.x.username.toLowerCase());
    });
    expect(revealed.length).toBeGreaterThan(10);
    const missed = revealed.filter((c) => !stored.has(`tiktok:${c.tiktok!.id}|x:${c.x!.id}`));
    console.log(`discovery: ${r.sources} TikTok-only accounts, ${r.lookedUp} X usernames looked up in ${batches.length} batches, ${r.ingested} found, ${auto.length} AUTO, ${r.matching.pending} PENDING; ${revealed.length - missed.length}/${revealed.length} revealed counterparts matched`);
    expect(missed.map((c) => c.key)).toEqual([]);

    // A second pass asks for nothing new and changes nothing.
    batches.length = 0;
    bus.take();
    const again = await discoverCounterparts(graph, bus, ingest, { accountIds: tiktok.map((a) => accountId('TIKTOK', a.id)) });
    expect(again.matching.created + again.matching.changed).toBe(0);
    expect(bus.take()).toEqual([]);
  });
});
