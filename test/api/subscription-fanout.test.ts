/**
 * One event to many subscribers (src/api/subscription-fanout.ts and the per-event loaders in
 * context.ts): every subscriber gets its answer, and the Neo4j work of the fan-out is that of one
 * subscriber, however many hold the same operation; a subscriber with another operation or filter
 * still gets its own answer.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { MATCH_CHANGED } from '../../src/api/pubsub';
import { makeEvent } from '../../src/matching/events';
import { gql, startTestApp, wsAuth, type TestApp } from '../support/app';

jest.setTimeout(120_000);

const DESK = 'subscription { matchChanged { kind note match { id status accounts { id username } } } }';
const OTHER = 'subscription { matchChanged(statuses: [PENDING]) { kind note match { id score } } }';
const NONE = 'subscription { matchChanged(statuses: [REJECTED]) { kind note } }';

interface Sub {
  events: any[];
  errors: unknown[];
}

describe('matchChanged fan-out', () => {
  let app: TestApp;
  let match: { id: string; status: string; score: number };
  const clients: Client[] = [];
  beforeAll(async () => {
    app = await startTestApp();
    match = (await gql(app.url, '{ reviewQueue(first: 1) { nodes { id status score } } }')).data.reviewQueue.nodes[0];
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await app?.close();
  });

  const subscribe = (query: string, role: 'viewer' | 'admin' = 'viewer'): Sub => {
    const client = createClient({ url: app.wsUrl, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, connectionParams: wsAuth(role) });
    clients.push(client);
    const sub: Sub = { events: [], errors: [] };
    client.subscribe({ query }, { next: (v) => sub.events.push(v), error: (e) => sub.errors.push(e), complete: () => undefined });
    return sub;
  };
  const event = (note: string) =>
    makeEvent({ matchId: match.id, kind: 'SCORE_CHANGED', previousStatus: match.status as never, previousScore: match.score, status: match.status as never, score: match.score, note });
  /**
   * Publishes events until every subscriber has seen one (a subscription is live once it has),
   * within a deadline; then one more that all must receive: events reach a subscriber in order, so
   * once it has, no earlier event is still being resolved (and counted) for anyone.
   */
  async function untilLive(subs: Sub[], tag: string) {
    const deadline = Date.now() + 30_000;
    while (!subs.every((s) => s.events.some((e) => e.data?.matchChanged?.note === tag))) {
      if (subs.some((s) => s.errors.length > 0)) throw new Error(JSON.stringify(subs.map((s) => s.errors)));
      if (Date.now() > deadline) throw new Error(`subscriptions did not go live (${tag})`);
      app.pubSub.publish(MATCH_CHANGED, event(tag));
      await new Promise((r) => setTimeout(r, 50));
    }
    await roundTripsOf(subs, `${tag}-drained`);
  }
  /** Publishes one event and returns the Cypher statements run until every listed subscriber holds it. */
  async function roundTripsOf(subs: Sub[], note: string): Promise<number> {
    let statements = 0;
    const stop = app.graph.observe(() => statements++);
    try {
      app.pubSub.publish(MATCH_CHANGED, event(note));
      const deadline = Date.now() + 30_000;
      while (!subs.every((s) => s.events.some((e) => e.data?.matchChanged?.note === note))) {
        if (Date.now() > deadline) throw new Error(`event ${note} did not reach every subscriber`);
        await new Promise((r) => setImmediate(r));
      }
      return statements;
    } finally {
      stop();
    }
  }

  it('answers every subscriber, with the Neo4j work of one per operation', async () => {
    const first = subscribe(DESK);
    await untilLive([first], 'live-1');
    const one = await roundTripsOf([first], 'one');
    expect(one).toBeGreaterThan(0);

    const more = [subscribe(DESK), subscribe(DESK), subscribe(DESK, 'admin'), subscribe(DESK)];
    await untilLive([first, ...more], 'live-5');
    const five = await roundTripsOf([first, ...more], 'five');
    // Same operation: the viewers share one execution, the admin has its own, all share the event's loaders.
    expect(five).toBe(one);
    const answers = [first, ...more].map((s) => s.events.find((e) => e.data?.matchChanged?.note === 'five'));
    for (const a of answers) expect(a).toEqual({ data: { matchChanged: { kind: 'SCORE_CHANGED', note: 'five', match: { id: match.id, status: match.status, accounts: expect.any(Array) } } } });
    expect(answers[0].data.matchChanged.match.accounts).toHaveLength(2);
  });

  it('gives a different operation and a filter their own answers', async () => {
    const desk = subscribe(DESK);
    const other = subscribe(OTHER);
    const none = subscribe(NONE);
    await untilLive([desk, other], 'live-other');
    await roundTripsOf([desk, other], 'mixed');
    expect(other.events.find((e) => e.data?.matchChanged?.note === 'mixed')).toEqual({ data: { matchChanged: { kind: 'SCORE_CHANGED', note: 'mixed', match: { id: match.id, score: match.score } } } });
    expect(desk.events.find((e) => e.data?.matchChanged?.note === 'mixed').data.matchChanged.match.status).toBe(match.status);
    // The REJECTED-only subscriber's filter held every event back.
    expect(none.events).toEqual([]);
    expect(none.errors).toEqual([]);
  });
});
