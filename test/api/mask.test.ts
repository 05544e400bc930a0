/**
 * The error mask: caller-facing codes keep their message; anything unexpected becomes a bare
 * "Internal server error" (no stack, no Cypher, no path) unless DEV_ERRORS; a Neo4j transaction
 * timeout becomes TIMEOUT.
 */
import { GraphQLError } from 'graphql';
import { ApiError } from '../../src/api/errors';
import { maskError } from '../../src/api/mask';
import { silentLogger } from '../../src/log';

const asFormatted = (e: GraphQLError, stack = true) => ({ ...e.toJSON(), extensions: { ...e.extensions, ...(stack ? { stacktrace: ['at /abs/path/src/x.ts:1'] } : {}) } });

describe('maskError', () => {
  const opts = { devErrors: false, logger: silentLogger, timeoutMs: 15000 };

  it('hides an unexpected error entirely', () => {
    const raw = new GraphQLError('Neo4jError: Invalid input at MATCH (c:Creator) /work/src/graph/read.ts', { originalError: new Error('boom'), extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const out = maskError(asFormatted(raw), raw, opts);
    expect(out).toEqual({ message: 'Internal server error', path: undefined, locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('keeps catalogue errors but drops their stack', () => {
    const e = new ApiError('NOT_FOUND', 'no creator with id "x"', { id: 'x' });
    const out = maskError(asFormatted(e), e, opts);
    expect(out.message).toBe('no creator with id "x"');
    expect(out.extensions).toEqual({ code: 'NOT_FOUND', id: 'x' });
  });

  it('keeps any deliberately coded error, e.g. a tracking code from the catalogue', () => {
    const e = new ApiError('LANE_UNAVAILABLE', 'this process runs no ingestion lanes');
    const wrapped = new GraphQLError(e.message, { originalError: e, path: ['createBrand'], extensions: e.extensions });
    expect(maskError(asFormatted(wrapped), wrapped, opts)).toMatchObject({ message: 'this process runs no ingestion lanes', extensions: { code: 'LANE_UNAVAILABLE' } });
  });

  it('turns a Neo4j transaction timeout into TIMEOUT', () => {
    const neo = Object.assign(new Error('The transaction has been terminated'), { code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' });
    const e = new GraphQLError(neo.message, { originalError: neo, path: ['creators'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(maskError(asFormatted(e), e, opts).extensions).toEqual({ code: 'TIMEOUT', limitMs: 15000 });
  });

  it('shows details only with DEV_ERRORS', () => {
    const raw = new GraphQLError('boom at /work/src/x.ts', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const out = maskError(asFormatted(raw), raw, { ...opts, devErrors: true });
    expect(out.message).toBe('boom at /work/src/x.ts');
    expect(out.extensions?.stacktrace).toBeDefined();
  });
});
