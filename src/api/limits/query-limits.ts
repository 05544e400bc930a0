/**
 * Refuses an operation before it runs when it is too deep, has too many aliases or costs too much:
 * one check for HTTP (an Apollo plugin) and graphql-ws (onSubscribe), so both doors hold the same
 * limits. Depth and aliases are counted by graphql-armor's rules, cost by graphql-query-complexity.
 *
 * Cost: every field costs 1 plus its children; a field with `first` (or `limit`) multiplies its
 * children by that page size, a page's `nodes`/`edges` (a connection's, or a graph view's, whose
 * `limit` caps its nodes) do not multiply again, and any other
 * list multiplies by LIST_GUESS (an account's history, a creator's accounts: we cannot know the
 * length before running it, so assume a few).
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isListType,
  Kind,
  parse,
  TypeInfo,
  validate,
  ValidationContext,
  visit,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { ApiError } from '../errors';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

export const LIST_GUESS = 10;

export type LimitReason = 'depth' | 'aliases' | 'cost';

export class QueryTooComplex extends ApiError {
  constructor(
    readonly reason: LimitReason,
    readonly limit: number,
    readonly actual: number,
  ) {
    const what = reason === 'cost' ? 'estimated cost' : reason === 'depth' ? 'depth' : 'alias count';
    super('QUERY_TOO_COMPLEX', `query refused before execution: its ${what} is ${actual}, the limit is ${limit}`, {
      reason,
      limit,
      actual,
      // Apollo answers errors raised while resolving the operation with this status.
      http: { status: 400 },
    });
  }
}

const pageSize = (args: Record<string, unknown>): number | undefined => {
  for (const name of ['first', 'limit', 'last']) {
    const v = args[name];
    if (typeof v === 'number' && Number.isFinite(v)) return Math.max(0, v);
  }
  return undefined;
};

/**
 * Types whose `nodes`/`edges` lists are already bounded by the `first`/`limit` of the field that
 * returns them: multiplying them by LIST_GUESS again would price a graph view at its own documented
 * cap (limit 2000) at ten times its size and refuse it.
 */
const PAGE_TYPE = /^(?:.*Connection|Graph)$/;

export const costEstimator: ComplexityEstimator = ({ args, childComplexity, field, type }) => {
  const size = pageSize(args);
  if (size !== undefined) return 1 + size * Math.max(1, childComplexity);
  const list = isListType(getNullableType(field.type));
  const inPage = PAGE_TYPE.test(getNamedType(type).name) && (field.name === 'nodes' || field.name === 'edges');
  return 1 + (list && !inPage ? LIST_GUESS : 1) * childComplexity;
};

/** The armor rules' visitor: each acts on OperationDefinition alone (and follows fragments through the context). */
type OperationVisitor = { OperationDefinition?: { enter?: (node: OperationDefinitionNode) => void } };

/**
 * Depth and aliases: structural, so they need no variables and can run before GraphQL's own
 * validation. graphql-armor's rules act only on entering each operation (they walk its selections
 * and the fragments it spreads themselves), so they are called on each operation directly instead
 * of through `validate()`: that would walk every node of the document again with a TypeInfo, which
 * for 500 aliases costs several times the count itself and blocks the event loop while it runs.
 * The test (query-limits.test.ts) holds this to the same answers as `validate()` with the same rules.
 */
export function checkQueryShape(schema: GraphQLSchema, document: DocumentNode, limits: QueryLimits): QueryTooComplex | null {
  let refusal: QueryTooComplex | null = null;
  const found = (err: GraphQLError) => Number(/found (\d+)/.exec(err.message)?.[1] ?? NaN);
  const context = new ValidationContext(schema, document, new TypeInfo(schema), () => undefined);
  const rules = [
    maxDepthRule({
      n: limits.maxDepth,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [(_ctx, err) => (refusal ??= new QueryTooComplex('depth', limits.maxDepth, found(err)))],
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [(_ctx, err) => (refusal ??= new QueryTooComplex('aliases', limits.maxAliases, found(err)))],
    }),
  ];
  for (const rule of rules) {
    const visitor = rule(context) as OperationVisitor;
    const enter = visitor.OperationDefinition?.enter;
    if (typeof enter !== 'function') throw new Error('graphql-armor rule no longer acts on OperationDefinition: check checkQueryShape');
    for (const def of document.definitions) if (def.kind === Kind.OPERATION_DEFINITION) enter.call(visitor, def);
  }
  return refusal;
}

/**
 * The variables a document's cost can depend on: those given to a page size (the estimator reads
 * only `first`/`limit`/`last`) or to a directive (@skip/@include drop whole subtrees).
 */
function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: Parameters<typeof visit>[0]) =>
    visit(node, {
      [Kind.VARIABLE](v) {
        names.add(v.name.value);
      },
    });
  visit(document, {
    [Kind.ARGUMENT](arg) {
      if (['first', 'limit', 'last'].includes(arg.name.value)) collect(arg);
    },
    [Kind.DIRECTIVE](d) {
      collect(d);
    },
  });
  return [...names].sort();
}

/**
 * Costs already computed, per document (Apollo hands the same parsed document for the same query
 * text), per operation and values of the variables the cost depends on: a hot query is priced
 * once, not walked with its variables coerced on every request. Bounded per document, so a caller
 * varying `first` cannot grow it without limit.
 */
const costs = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, { vars: string[]; byKey: Map<string, number> }>>();
const COSTS_PER_DOCUMENT = 256;

/**
 * Start-up warm-up, run once by startApi (disclosed: the attack timings printed by
 * test/api/limits/attacks.test.ts are measured after it, as a client of `npm start` meets them).
 * The first parse and shape check of a large document run in V8's interpreter and take several
 * times as long as later ones, blocking /healthz meanwhile; one synthetic document of `aliases`
 * aliases (parsed and counted only: nothing executes, nothing touches the graph) compiles them first.
 */
export function warmQueryChecks(schema: GraphQLSchema, limits: QueryLimits, aliases = 400): void {
  const body = Array.from({ length: aliases }, (_, i) => `w${i}: __typename ... on Query { x${i}: __schema(a: ${i}, b: "s", c: [E, $v], d: { k: 1.5 }) { q { r } } }`).join(' ');
  const document = parse(`query W($v: Int = 1) @d { ${body} } fragment F on Query { __typename }`);
  checkQueryShape(schema, document, limits);
  // GraphQL's own validation and the cost estimate, over a document every schema answers: the
  // first ordinary query (and the cost refusal) then no longer pays for compiling them.
  const introspection = parse(getIntrospectionQuery());
  validate(schema, introspection);
  checkQueryCost(schema, introspection, limits, {}, undefined);
}

/** The estimated cost against its limit. `document` must have passed validation (variables are coerced here). */
export function checkQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  limits: QueryLimits,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined | null,
): QueryTooComplex | null {
  let bySchema = costs.get(schema);
  if (!bySchema) costs.set(schema, (bySchema = new WeakMap()));
  let memo = bySchema.get(document);
  if (!memo) bySchema.set(document, (memo = { vars: costVariables(document), byKey: new Map() }));
  const key = JSON.stringify([operationName ?? null, ...memo.vars.map((v) => variables?.[v] ?? null)]);
  let cost = memo.byKey.get(key);
  if (cost === undefined) {
    cost = getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      operationName: operationName ?? undefined,
      estimators: [costEstimator],
    });
    if (memo.byKey.size >= COSTS_PER_DOCUMENT) memo.byKey.clear();
    memo.byKey.set(key, cost);
  }
  return cost > limits.maxCost ? new QueryTooComplex('cost', limits.maxCost, cost) : null;
}

