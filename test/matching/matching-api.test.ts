/** runMatching and matchQuality over HTTP against the real server with the sample data. */
import { gql, startTestApp, type TestApp, as } from '../support/app';

describe('runMatching and matchQuality', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('runs a full pass that finds the sample already matched, and records it', async () => {
    const res = await gql(app.url, 'mutation { runMatching { id startedAt finishedAt accountsConsidered candidatePairs auto pending unchanged durationMs } }');
    expect(res.errors).toBeUndefined();
    const run = res.data.runMatching;
    const [{ n }] = await app.graph.runText('MATCH (a:Account) RETURN count(a) AS n');
    expect(run.accountsConsidered).toBe(n);
    expect(run.candidatePairs).toBeGreaterThan(0);
    expect(run.auto).toBeGreaterThan(0);
    // The sample was matched by the same planner when it loaded: nothing changes.
    expect(run.unchanged).toBe(run.auto + run.pending);
    expect(Date.parse(run.finishedAt)).toBeGreaterThanOrEqual(Date.parse(run.startedAt));
    const stored = await app.graph.runText('MATCH (r:MatchingRun {id: $id}) RETURN r.auto AS auto', { id: run.id });
    expect(stored).toEqual([{ auto: run.auto }]);
  });

  it('measures quality from reviewer decisions, with who decided in the history', async () => {
    const empty = await gql(app.url, '{ matchQuality { labelledPairs approved rejected } }');
    expect(empty.data.matchQuality).toEqual({ labelledPairs: 0, approved: 0, rejected: 0 });

    const matches = await gql(app.url, '{ matches(first: 50) { nodes { id score status } } }');
    const nodes: { id: string; score: number; status: string }[] = matches.data.matches.nodes;
    const pending = nodes.find((m) => m.status === 'PENDING')!;
    const auto = nodes.find((m) => m.status === 'AUTO')!;
    // The reviewer key's name, not a header the caller writes, is who decided.
    const who = { ...as('reviewer'), 'x-user': 'mallory' };
    expect((await gql(app.url, 'mutation($id: ID!) { approveMatch(id: $id) { status } }', { id: pending.id }, who)).errors).toBeUndefined();
    expect((await gql(app.url, 'mutation($id: ID!) { rejectMatch(id: $id, note: "two people") { status } }', { id: auto.id }, who)).errors).toBeUndefined();

    const q = await gql(app.url, '{ matchQuality { labelledPairs approved rejected byThreshold { threshold precision recall pairsAtOrAbove } } }');
    expect(q.errors).toBeUndefined();
    const mq = q.data.matchQuality;
    expect(mq).toMatchObject({ labelledPairs: 2, approved: 1, rejected: 1 });
    const at = (t: number) => mq.byThreshold.find((b: { threshold: number }) => b.threshold === t);
    expect(at(0)).toEqual({ threshold: 0, precision: 0.5, recall: 1, pairsAtOrAbove: 2 });
    const top = Math.max(pending.score, auto.score);
    const topIsApproved = top === pending.score && pending.score !== auto.score;
    if (pending.score !== auto.score) expect(at(top)).toMatchObject({ precision: topIsApproved ? 1 : 0, pairsAtOrAbove: 1 });

    const history = await gql(app.url, 'query($id: ID!) { node(id: $id) { ... on Match { status history { kind actor note previousStatus } } } }', { id: auto.id });
    expect(history.errors).toBeUndefined();
    expect(history.data.node.history.at(-1)).toEqual({ kind: 'REJECTED', actor: 'rita@agency.test', note: 'two people', previousStatus: 'AUTO' });
    expect(history.data.node.history[0]).toMatchObject({ kind: 'CREATED', actor: 'matcher' });

    // A rerun keeps both decisions.
    await gql(app.url, 'mutation { runMatching { id } }');
    const after = await gql(app.url, 'query($a: ID!, $b: ID!) { a: node(id: $a) { ... on Match { status } } b: node(id: $b) { ... on Match { status } } }', { a: pending.id, b: auto.id });
    expect(after.data).toEqual({ a: { status: 'MANUAL' }, b: { status: 'REJECTED' } });
  });
});
