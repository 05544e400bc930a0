/**
 * The request deadline as resolvers see it: a query past its deadline stops at the next field with
 * TIMEOUT, and a mutation's deadline is cleared once the operation is known.
 */
import { graphql } from 'graphql';
import { buildContext } from '../../../src/api/context';
import { exemptMutations } from '../../../src/api/limits/deadline';
import { createPubSubHandle } from '../../../src/api/pubsub';
import { buildApiSchema } from '../../../src/api/schema';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/log';
import { nullBus } from '../../../src/matching/events';
import type { GraphClient } from '../../../src/neo4j/graph-client';
import { freshGraph } from '../../support/graph';

describe('request deadline', () => {
  let graph: GraphClient;
  beforeAll(async () => {
    graph = await freshGraph();
  });
  afterAll(() => graph.close());

  const viewer = { name: 'deadline-test', role: 'viewer' as const, via: 'key' as const };
  const services = () => ({ config: loadConfig({}), graph, bus: nullBus, logger: silentLogger });

  it('stops a query past its deadline with TIMEOUT and no data', async () => {
    const schema = await buildApiSchema(createPubSubHandle().pubSub);
    const ctx = buildContext(services(), viewer, { deadlineMs: 100 });
    ctx.deadline!.at = Date.now() - 1;
    const res = await graphql({ schema, source: '{ creators(first: 5) { totalCount } }', contextValue: ctx });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'TIMEOUT', limitMs: 100 });
    expect(res.errors?.[0].message).toBe('the request exceeded its 100 ms deadline');

    const inTime = await graphql({ schema, source: '{ creators(first: 5) { totalCount } }', contextValue: buildContext(services(), viewer, { deadlineMs: 10_000 }) });
    expect(inTime.errors).toBeUndefined();
  });

  it('clears the deadline of a mutation, keeps a query', () => {
    const m = buildContext(services(), viewer, { deadlineMs: 100 });
    exemptMutations(m, 'mutation');
    expect(m.deadline).toBeUndefined();
    const q = buildContext(services(), viewer, { deadlineMs: 100 });
    exemptMutations(q, 'query');
    expect(q.deadline?.ms).toBe(100);
  });
});
