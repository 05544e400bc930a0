/**
 * Fan-out of one event to many subscribers: graphql-ws's `subscribe`, as graphql-js's own
 * `subscribe` (a source stream per subscriber, its events mapped through `execute`), except that
 * subscribers holding the same operation (same text, operation name and variables) with the same
 * role share one execution per event. 1,000 review desks open on matchChanged then cost one
 * execution per event, not 1,000; each still gets its own filter (the source stream), its own
 * message and its own error masking (onNext).
 *
 * Sharing by role is sound because what a query or subscription answers depends on the caller only
 * through the role checks (auth/access.ts): resolvers read `principal`/`actor` only in mutations.
 * A field that ever answers per caller must put the caller into the key (sharedKey).
 */
import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult } from 'graphql';
// graphql-js's own helper (internal to the pinned graphql 16), used exactly as its `subscribe` does.
import { mapAsyncIterator } from 'graphql/execution/mapAsyncIterator';
import type { Principal } from './auth/roles';

type Results = Map<string, ExecutionResult | Promise<ExecutionResult>>;

/** Results per published event (the same payload object reaches every subscriber), held weakly. */
const perEvent = new WeakMap<object, Results>();

/** What makes two subscribers' answers to one event the same. */
export function sharedKey(principal: Principal | null, operation: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null }): string {
  return JSON.stringify([principal?.role ?? null, operation.query, operation.operationName ?? null, operation.variables ?? null]);
}

/** `key` null: no sharing (graphql-js's subscribe as is). */
export async function subscribeShared(args: ExecutionArgs, key: string | null) {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in Object(stream))) return stream as ExecutionResult;
  const run = (payload: unknown) => execute({ ...args, rootValue: payload });
  return mapAsyncIterator(stream as AsyncIterable<unknown>, (payload) => {
    if (key === null || typeof payload !== 'object' || payload === null) return run(payload);
    let results = perEvent.get(payload);
    if (!results) perEvent.set(payload, (results = new Map()));
    let result = results.get(key);
    if (result === undefined) results.set(key, (result = run(payload)));
    return result;
  });
}
