/**
 * The limits against the documents our own pages send: every playground example and review-desk
 * document is well within the default depth, alias and cost limits, and the cost grows with `first`.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { parse, validate } from 'graphql';
import { createPubSubHandle } from '../../../src/api/pubsub';
import { buildApiSchema } from '../../../src/api/schema';
import { checkQueryCost, checkQueryShape, LIST_GUESS, warmQueryChecks } from '../../../src/api/limits/query-limits';
import { MAX_LIMIT } from '../../../src/analytics/graph-view';
import { loadConfig } from '../../../src/config';
import { PLAYGROUND_EXAMPLES } from '../../../src/web/examples';
import * as desk from '../../../src/web/review/documents';

const limits = loadConfig({}).api;

describe('query limits', () => {
  let schema: Awaited<ReturnType<typeof buildApiSchema>>;
  beforeAll(async () => {
    schema = await buildApiSchema(createPubSubHandle().pubSub);
  });

  it("lets every document of the playground and the review desk through", () => {
    const docs = [
      ...PLAYGROUND_EXAMPLES.map((e) => ({ name: e.title, query: e.query, variables: e.variables })),
      ...Object.entries(desk)
        .filter(([, v]) => typeof v === 'string' && /^\s*(query|mutation|subscription|\{)/.test(v))
        .map(([name, query]) => ({ name, query: query as string, variables: { first: desk.QUEUE_SIZE, id: 'm1' } })),
    ];
    expect(docs.length).toBeGreaterThan(4);
    for (const d of docs) {
      const doc = parse(d.query);
      expect({ name: d.name, refusal: checkQueryShape(schema, doc, limits)?.message ?? checkQueryCost(schema, doc, limits, d.variables as Record<string, unknown>, undefined)?.message ?? null }).toEqual({ name: d.name, refusal: null });
    }
  });

  it('costs lists by first, and unbounded lists by a guess', () => {
    const cost = (q: string) => {
      const r = checkQueryCost(schema, parse(q), { ...limits, maxCost: 0 }, {}, undefined);
      return r!.actual;
    };
    const ten = cost('{ creators(first: 10) { nodes { id displayName } } }');
    const hundred = cost('{ creators(first: 100) { nodes { id displayName } } }');
    expect(hundred - 1).toBe(10 * (ten - 1));
    const withAccounts = cost('{ creators(first: 10) { nodes { accounts { id } } } }');
    expect(withAccounts).toBeGreaterThanOrEqual(10 * LIST_GUESS);
  });

  it('prices a graph view by its limit alone, so the documented cap is within the default cost limit', () => {
    const G = (limit: number) =>
      `{ competitorGraph(brandId: "b", limit: ${limit}) { nodes { id kind label platform weight } edges { id source target type weight } } }`;
    const cost = (q: string) => checkQueryCost(schema, parse(q), { ...limits, maxCost: 0 }, {}, undefined)!.actual;
    expect(cost(G(200)) - 1).toBe(10 * (cost(G(20)) - 1));
    expect(checkQueryCost(schema, parse(G(MAX_LIMIT)), limits, {}, undefined)).toBeNull();
  });

  /**
   * checkQueryShape calls graphql-armor's rules on each operation instead of through validate()
   * (see its comment); here it must reach exactly what validate() with the same rules reaches.
   */
  it('counts depth and aliases as graphql-armor does through validate(), fragments included', () => {
    const small = { ...limits, maxDepth: 4, maxAliases: 3 };
    const viaValidate = (q: string) => {
      const found: string[] = [];
      const onReject = [(_c: unknown, e: Error) => found.push(e.message)];
      validate(schema, parse(q), [
        maxDepthRule({ n: small.maxDepth, propagateOnRejection: false, onReject }),
        maxAliasesRule({ n: small.maxAliases, propagateOnRejection: false, onReject }),
      ]);
      return found.map((m) => Number(/found (\d+)/.exec(m)?.[1]));
    };
    const nest = (n: number): string => (n === 0 ? 'id' : `accounts { creator { ${nest(n - 1)} } }`);
    const docs = [
      '{ a: creators(first: 1) { totalCount } b: creators(first: 1) { totalCount } }',
      '{ a: creators(first: 1) { totalCount } b: creators(first: 1) { totalCount } c: creators(first: 1) { totalCount } d: __typename e: creators(first: 1) { totalCount } }',
      `{ creators(first: 1) { nodes { ${nest(3)} } } }`,
      '{ creators(first: 1) { nodes { ...F } } } fragment F on Creator { x: accounts { y: creator { z: accounts { w: id } } } }',
      '{ creators(first: 1) { nodes { ...F ...F } } } fragment F on Creator { a1: id a2: id }',
      '{ creators(first: 1) { nodes { ...F } } } fragment F on Creator { ...G } fragment G on Creator { ...F }',
      '{ node(id: "x") { ... on Creator { accounts { creator { accounts { id } } } } } }',
      'query A { a: __typename b: creators(first: 1) { totalCount } } query B { c1: creators(first: 1) { totalCount } c2: creators(first: 1) { totalCount } c3: creators(first: 1) { totalCount } c4: creators(first: 1) { totalCount } }',
    ];
    for (const q of docs) {
      const refusal = checkQueryShape(schema, parse(q), small);
      const reference = viaValidate(q);
      expect({ q, refused: refusal !== null }).toEqual({ q, refused: reference.length > 0 });
      if (refusal) expect(reference).toContain(refusal.actual);
    }
    expect(docs.filter((q) => checkQueryShape(schema, parse(q), small) !== null).length).toBeGreaterThanOrEqual(4);
  });

  it('warms up on a synthetic document without refusing or throwing', () => {
    expect(() => warmQueryChecks(schema, limits)).not.toThrow();
  });
});
