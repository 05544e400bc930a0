/**
 * The request deadline reaches Neo4j: with a small REQUEST_TIMEOUT_MS, a GraphQL query whose
 * Cypher is slow answers TIMEOUT soon after the deadline, and its transaction is no longer running
 * on the server afterwards (the driver's transaction timeout made Neo4j abort it; the resolver
 * guard alone would leave it running).
 *
 * The slow read is built here: a layered lattice of posts where each of LAYERS layers of WIDTH
 * posts amplifies every post of the layer below, so amplificationChains' path expansion from a
 * root meets WIDTH^6 paths (64 million). A control run of the same statement without a timeout
 * shows it still running well after the deadline-bound one is gone.
 */
import { gql, startTestApp, type TestApp } from '../../support/app';
import { cypher } from '../../../src/neo4j/queries';
import { MAX_CHAIN_POSTS } from '../../../src/analytics/chains';

jest.setTimeout(120_000);

const DEADLINE_MS = 1000;
const WIDTH = 20;
const LAYERS = 6;
/** A line of the chains statement only it contains: how its transactions are found on the server. */
const MARKER = 'MATCH path = (root)<-[:AMPLIFIED*1..6]-(p:Post)';

let app: TestApp;

/** Auto-commit statements (transaction commands do not run inside managed transactions). */
async function admin(text: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const session = app.graph.driver.session();
  try {
    return (await session.run(text, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

/** The chains statement's transactions now running on the server, with their elapsed time. */
async function chainTransactions(): Promise<{ id: string; ms: number; status: string }[]> {
  const rows = await admin(
    'SHOW TRANSACTIONS YIELD transactionId, currentQuery, elapsedTime, status WHERE currentQuery CONTAINS $marker ' +
      'RETURN transactionId AS id, elapsedTime.milliseconds AS ms, status',
    { marker: MARKER },
  );
  return rows.map((r) => ({ id: r.id as string, ms: Number(r.ms), status: r.status as string }));
}

/** Polls every 50 ms until `ok` returns a value, failing after `ms`. */
async function poll<T>(ok: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await ok();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  app = await startTestApp({ REQUEST_TIMEOUT_MS: String(DEADLINE_MS) });
  const at = '2026-01-01T00:00:00Z';
  // One TikTok root; layer 1 (X) amplifies it, every later layer amplifies every post of the one before.
  await app.graph.runText(
    `CREATE (:Post {id: 'slow:0:0', platform: 'TIKTOK', createdAt: datetime($at), engagement: 1.0})
     WITH 1 AS one
     UNWIND range(1, $layers) AS layer
     UNWIND range(0, $width - 1) AS i
     CREATE (:Post {id: 'slow:' + layer + ':' + i, platform: CASE layer % 2 WHEN 1 THEN 'X' ELSE 'TIKTOK' END,
                    createdAt: datetime($at) + duration({minutes: layer}), engagement: 1.0})`,
    { at, layers: LAYERS, width: WIDTH },
  );
  await app.graph.runText(
    `UNWIND range(1, $layers) AS layer
     MATCH (a:Post) WHERE a.id STARTS WITH 'slow:' + layer + ':'
     MATCH (b:Post) WHERE b.id STARTS WITH 'slow:' + (layer - 1) + ':'
     CREATE (a)-[:AMPLIFIED {kind: 'REPOST', lagSeconds: 60, confidence: 1.0}]->(b)`,
    { layers: LAYERS },
  );
  // The chains statement starts from the summary the write path keeps on chain roots
  // (graph/refresh-chain-roots); computing it here would itself walk the 64 million paths, so the
  // root gets the summary the lattice has: 121 posts, 6 hops, both platforms.
  await app.graph.runText(
    `MATCH (root:Post {id: 'slow:0:0'})
     SET root:ChainRoot, root.chainEngagement = 1.0 + $layers * $width, root.chainReach = $layers, root.chainCrossPlatform = true`,
    { layers: LAYERS, width: WIDTH },
  );
  const edges = await app.graph.runText("MATCH (:Post)-[r:AMPLIFIED]->(b:Post) WHERE b.id STARTS WITH 'slow:' RETURN count(r) AS n");
  expect(Number(edges[0].n)).toBe(WIDTH + (LAYERS - 1) * WIDTH * WIDTH);
  expect(cypher('analytics/amplification-chains')).toContain(MARKER);
}, 120_000);

afterAll(async () => {
  await app?.close();
}, 60_000);

const CHAIN_PARAMS = {
  groups: [{ key: 'q', creatorIds: null }],
  since: null,
  crossPlatformOnly: true,
  minDepth: 2,
  first: 5,
  maxPosts: MAX_CHAIN_POSTS - 1,
};

it('answers TIMEOUT soon after the deadline and Neo4j no longer runs the transaction', async () => {
  // Precondition: the statement is slow (a bounded client's read is cut by the server, not finished).
  const pre = await app.graph
    .bounded(() => Date.now() + DEADLINE_MS)
    .read('analytics/amplification-chains', CHAIN_PARAMS)
    .then(
      (rows) => `finished with ${rows.length} rows`,
      (err: { code?: string }) => err.code ?? String(err),
    );
  expect(pre).toMatch(/TransactionTimedOut/);
  await poll(async () => ((await chainTransactions()).length === 0 ? true : undefined), 15_000, 'the precondition transaction ending');

  const t0 = Date.now();
  const answer = gql(app.url, '{ amplificationChains(first: 5) { depth totalEngagement } }');
  let answered = false;
  void answer.then(() => (answered = true));
  // The statement runs on the server while the request waits.
  const seen = await poll(async () => (await chainTransactions())[0] ?? (answered ? null : undefined), 30_000, 'the chains transaction on the server');
  const res = await answer;
  const elapsed = Date.now() - t0;
  if (seen === null) throw new Error(`answered in ${elapsed} ms before the statement was seen running: ${JSON.stringify(res).slice(0, 500)}`);
  expect(res.errors?.[0]).toMatchObject({
    message: `the request exceeded its ${DEADLINE_MS} ms deadline`,
    path: ['amplificationChains'],
    extensions: { code: 'TIMEOUT', limitMs: DEADLINE_MS },
  });
  // Neo4j checks transaction timeouts every 2 s; the rest is this machine's load.
  expect(elapsed).toBeLessThan(DEADLINE_MS + 10_000);

  // Gone from the server (not merely abandoned by the resolver).
  const goneAfter = await poll(async () => ((await chainTransactions()).length === 0 ? Date.now() - t0 : undefined), 15_000, 'the transaction ending');

  // Control: the same statement without a timeout is still running well past that point; then we end it.
  const control = app.graph.read('analytics/amplification-chains', CHAIN_PARAMS);
  let controlEnded: string | undefined;
  const controlFailed = control.then(
    () => (controlEnded = 'finished'),
    (err: { code?: string }) => (controlEnded = err.code ?? 'error'),
  );
  const running = await poll(
    async () => {
      if (controlEnded) return null;
      const tx = (await chainTransactions())[0];
      return tx && tx.ms >= goneAfter + 2000 ? tx : undefined;
    },
    goneAfter + 30_000,
    'the control transaction running past the deadline-bound one',
  );
  expect(running).not.toBeNull();
  await admin('TERMINATE TRANSACTIONS $ids', { ids: [running!.id] });
  expect(await controlFailed).toMatch(/Terminated/);
  await poll(async () => ((await chainTransactions()).length === 0 ? true : undefined), 15_000, 'the control transaction ending');

  console.log(
    `[deadline] REQUEST_TIMEOUT_MS=${DEADLINE_MS}: TIMEOUT answered after ${elapsed} ms; the transaction (${seen!.id}) was gone from ` +
      `SHOW TRANSACTIONS ${goneAfter} ms after the request; the same statement without a timeout was still running at ${running!.ms} ms (terminated by the test)`,
  );
});
