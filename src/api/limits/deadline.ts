/**
 * A request's deadline (REQUEST_TIMEOUT_MS). Every resolver checks it before it starts, so a
 * request past its time stops resolving at once; the Neo4j transactions it opened are cut by the
 * driver's transaction timeout (the context's graph client is bounded by the same deadline).
 *
 * Mutations are exempt (`exemptMutations`): they are writes an authorised caller asked for, made of
 * idempotent batches, and a matching run may rightly take minutes; cutting one half-way helps nobody.
 */
import type { ResolverData } from 'type-graphql';
import type { Context } from '../context';
import { ApiError } from '../errors';

/** A check run before a resolver (see `resolverGuards` in schema.ts): throws to refuse it. */
export type ResolverCheck = (data: ResolverData<Context>) => void;

export const deadlineGuard: ResolverCheck = ({ context }) => {
  if (context.deadline !== undefined && Date.now() > context.deadline.at) {
    throw new ApiError('TIMEOUT', `the request exceeded its ${context.deadline.ms} ms deadline`, { limitMs: context.deadline.ms });
  }
};

/** Clears the deadline of a mutation, once the operation is known. */
export function exemptMutations(ctx: Context, operation: 'query' | 'mutation' | 'subscription' | undefined): void {
  if (operation === 'mutation') ctx.deadline = undefined;
}
