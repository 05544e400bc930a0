/**
 * Two API processes' worth of wiring against one graph and one Redis: a subscriber on one
 * instance sees a match approved through the other.
 *
 * No sleep before the mutation: the subscription counts as live once a canary event, published on
 * instance A's pub/sub (so through Redis, as the approval will be), reaches the subscriber on B;
 * the canary is published again on each poll until it does, within a deadline.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startApp, type App } from '../../src/app';
import { MATCH_CHANGED } from '../../src/api/pubsub';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/log';
import { makeEvent } from '../../src/matching/events';
import { gql, startTestApp, type TestApp } from '../support/app';
import { workerNeo4jUri } from '../support/graph';

const REDIS_URL = process.env.CG_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('matchChanged across API instances through Redis', () => {
  let a: TestApp;
  let b: App;
  beforeAll(async () => {
    a = await startTestApp({ REDIS_URL });
    b = await startApp(
      loadConfig({ NEO4J_URI: workerNeo4jUri(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', REDIS_URL }),
      silentLogger,
    );
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('delivers an approval made on instance A to a subscriber on instance B', async () => {
    const queue = await gql(a.url, '{ reviewQueue(first: 1) { nodes { id status score } } }');
    const { id, status, score } = queue.data.reviewQueue.nodes[0];
    const client = createClient({
      url: b.api.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      // b runs without API_KEYS: it generated a demo admin key.
      connectionParams: { authorization: `Bearer ${b.api.demoKey}` },
    });
    const canaryNote = `canary-${randomUUID()}`;
    const seen: { kind: string; note: string | null; match: { id: string; status: string } }[] = [];
    const errors: unknown[] = [];
    const pollUntil = async (done: () => boolean, what: string, each: () => void = () => undefined, ms = 30_000) => {
      const deadline = Date.now() + ms;
      for (;;) {
        each();
        if (done() || errors.length > 0) return;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    try {
      client.subscribe(
        { query: 'subscription { matchChanged { kind note match { id status } } }' },
        { next: (v: any) => v.data?.matchChanged && seen.push(v.data.matchChanged), error: (e) => errors.push(e), complete: () => undefined },
      );
      // A canary about the same match, never recorded in the graph: live once B delivers it.
      await pollUntil(
        () => seen.some((e) => e.note === canaryNote),
        'the subscription on B to go live',
        () =>
          a.pubSub.publish(
            MATCH_CHANGED,
            makeEvent({ matchId: id, kind: 'SCORE_CHANGED', previousStatus: status, previousScore: score, status, score, note: canaryNote }),
          ),
      );
      expect(errors).toEqual([]);
      const res = await gql(a.url, 'mutation($id: ID!) { approveMatch(id: $id) { status } }', { id });
      expect(res.errors).toBeUndefined();
      const ofMatch = () => seen.filter((e) => e.note !== canaryNote && e.match.id === id);
      await pollUntil(() => ofMatch().length > 0, 'the approval on B');
      expect(errors).toEqual([]);
      expect(ofMatch()).toEqual([{ kind: 'APPROVED', note: null, match: { id, status: 'MANUAL' } }]);
    } finally {
      await client.dispose();
    }
  });
});
