/**
 * amplificationDetected over graphql-ws: the real service over a small simulated world. Events
 * come from the lanes' writes (through the app's post-write hook), each edge once, and the
 * creatorId filter passes only edges with that creator on either end.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { App } from '../../src/app';
import { writeBatch } from '../../src/graph/batch';
import { startSimulatedApp, wsAuth } from '../support/app';

interface Received {
  events: { amplifier: { id: string }; source: { id: string }; kind: string }[];
  /** Resolves at the first event matching `want`. */
  waitFor(want: (e: Received['events'][number]) => boolean): Promise<void>;
  dispose(): void;
}

function listen(client: Client, query: string, variables: Record<string, unknown> = {}): Received {
  const events: Received['events'] = [];
  const waiters: { want: (e: Received['events'][number]) => boolean; done: () => void }[] = [];
  const dispose = client.subscribe(
    { query, variables },
    {
      next: (v: any) => {
        const e = v.data.amplificationDetected;
        events.push(e);
        for (const w of waiters.splice(0)) (w.want(e) ? w.done() : waiters.push(w));
      },
      error: (err) => {
        throw err;
      },
      complete: () => undefined,
    },
  );
  return {
    events,
    waitFor: (want) =>
      events.some(want) ? Promise.resolve() : new Promise<void>((done) => waiters.push({ want, done })),
    dispose,
  };
}

const SUB = 'subscription($c: ID) { amplificationDetected(creatorId: $c) { kind confidence lagSeconds amplifier { id } source { id } } }';

describe('amplificationDetected', () => {
  let app: App;
  let client: Client;
  beforeAll(async () => {
    app = await startSimulatedApp({ SIM_CREATORS: '20', SIM_SEED: '5' });
    client = createClient({ url: app.api.wsUrl, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, connectionParams: wsAuth('viewer') });
  }, 120_000);
  afterAll(async () => {
    await client?.dispose();
    await app?.close();
  });

  it('announces the edges the lanes write, each once, and filters by creator on either end', async () => {
    const all = listen(client, SUB);
    await app.ingestion.seedWorld();
    await app.amplifications.idle();
    const edges = await app.graph.runText('MATCH (a:Post)-[x:AMPLIFIED]->(s:Post) RETURN a.id AS a, s.id AS s');
    expect(edges.length).toBeGreaterThan(0);
    // The subscriber sees the world's edges as the lanes write them (the last one proves delivery
    // reached the end of the seed), each edge once.
    const last = (await app.graph.runText('MATCH (a:Post)-[x:AMPLIFIED]->(s:Post) WHERE x.announcedAt IS NOT NULL RETURN a.id AS a, s.id AS s ORDER BY x.announcedAt DESC LIMIT 1'))[0];
    await all.waitFor((e) => e.amplifier.id === last.a && e.source.id === last.s);
    const seen = all.events.map((e) => `${e.amplifier.id}>${e.source.id}`);
    expect(new Set(seen).size).toBe(seen.length);
    const stored = new Set(edges.map((r) => `${r.a}>${r.s}`));
    for (const e of seen) expect(stored.has(e)).toBe(true);

    // Two creators, each with a post someone could quote: new quotes of each are announced to
    // that creator's subscriber only.
    const owners = await app.graph.runText(
      `MATCH (c:Creator)-[:HAS_ACCOUNT]->(a:XAccount)-[:POSTED]->(p:Post)
       WITH c, a, p ORDER BY p.id
       WITH c, collect(p)[0] AS p, collect(a)[0] AS a
       RETURN c.id AS creator, p.id AS post, a.platformUserId AS author ORDER BY creator LIMIT 2`,
    );
    expect(owners).toHaveLength(2);
    const [one, two] = owners as { creator: string; post: string; author: string }[];
    const forOne = listen(client, SUB, { c: one.creator });
    const forTwo = listen(client, SUB, { c: two.creator });
    // A subscription registers on the server a little after the client sends it: write fresh
    // quotes until each subscriber has heard of one (each write is announced once, so a write
    // before registration is simply missed), then check that neither heard the other's.
    let n = 0;
    const quote = async (target: { post: string; author: string }) => {
      n++;
      const id = `99000000000000${String(n).padStart(5, '0')}`;
      const at = new Date().toISOString();
      await writeBatch(app.graph, {
        posts: [
          {
            post: {
              platform: 'X', platformPostId: id, authorPlatformUserId: target.author, url: `https://x.com/i/web/status/${id}`,
              text: 'quoting myself', createdAt: at, hashtags: [], mentions: [], fetchedAt: at,
              metrics: { likes: 1, comments: 0, shares: 0, quotes: 0 },
            },
            metricsKnown: true,
            amplifications: [{ amplifierPostId: `x:${id}`, sourcePostId: target.post, kind: 'QUOTE', confidence: 1 }],
          },
        ],
      });
      await app.amplifications.postsWritten([`x:${id}`]);
      return `x:${id}`;
    };
    const until = async (r: Received, target: { post: string; author: string }) => {
      for (;;) {
        const id = await quote(target);
        const heard = r.waitFor((e) => e.amplifier.id === id).then(() => true);
        // Poll: the next write after a short wait for this one (bounded by the test's timeout).
        if (await Promise.race([heard, new Promise<boolean>((res) => setTimeout(() => res(false), 250))])) return id;
      }
    };
    const q1 = await until(forOne, one);
    const q2 = await until(forTwo, two);
    await all.waitFor((e) => e.amplifier.id === q2);
    expect(forOne.events.every((e) => e.source.id === one.post)).toBe(true);
    expect(forTwo.events.every((e) => e.source.id === two.post)).toBe(true);
    expect(forOne.events.some((e) => e.amplifier.id === q1 && e.kind === 'QUOTE')).toBe(true);
    all.dispose();
    forOne.dispose();
    forTwo.dispose();
  }, 300_000);
});
