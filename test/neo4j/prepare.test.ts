/**
 * GraphClient.prepare: statements run ahead of their first use so the server plans them while the
 * caller computes; whatever they would do is rolled back. Also: every statement a full matching
 * run prepares exists and accepts its do-nothing inputs.
 */
import type { GraphClient } from '../../src/neo4j/graph-client';
import { PREPARED } from '../../src/matching/run';
import { freshGraph } from '../support/graph';

describe('GraphClient.prepare', () => {
  let graph: GraphClient;
  beforeAll(async () => {
    graph = await freshGraph();
  });
  afterAll(async () => {
    await graph?.close();
  });

  it('writes nothing, even for a statement given inputs that would write', async () => {
    const event = {
      id: 'ev_prepare_1', matchId: 'm_1', kind: 'CREATED', previousStatus: null, previousScore: null,
      status: 'AUTO', score: 90, at: '2026-11-30T12:00:00.000Z', actor: 'matcher', note: null,
    };
    await graph.prepare([{ name: 'graph/record-match-events', params: { rows: [event] } }]);
    expect(await graph.runText('MATCH (e:MatchEvent) RETURN count(e) AS n')).toEqual([{ n: 0 }]);
    // The statement itself runs as usual afterwards.
    await graph.write('graph/record-match-events', { rows: [event] });
    expect(await graph.runText('MATCH (e:MatchEvent) RETURN e.id AS id')).toEqual([{ id: 'ev_prepare_1' }]);
  });

  it('accepts every statement a full matching run prepares, with its do-nothing inputs', async () => {
    const before = await graph.runText('MATCH (n) RETURN count(n) AS n');
    await expect(graph.prepare(PREPARED)).resolves.toBeUndefined();
    expect(await graph.runText('MATCH (n) RETURN count(n) AS n')).toEqual(before);
  });

  it('rejects when a statement fails, and leaves nothing behind', async () => {
    await expect(graph.prepare([{ name: 'graph/record-match-events', params: {} }])).rejects.toThrow();
    expect(await graph.runText('MATCH (e:MatchEvent) WHERE e.id <> $id RETURN count(e) AS n', { id: 'ev_prepare_1' })).toEqual([{ n: 0 }]);
  });
});
