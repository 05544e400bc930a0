/**
 * GraphQL over HTTP's legacy watershed: a client that can only take `application/json` predates
 * the spec's status codes, so a request that fails to parse, to validate or to coerce its
 * variables SHOULD still get 200, with the errors in the body (graphql-http's audit checks it).
 * Apollo answers those with 400 whatever the client accepts; this plugin restores 200 where the
 * answer will be `application/json`.
 *
 * A client that names `application/graphql-response+json` anywhere in its Accept header keeps the
 * 400 the spec requires for that media type: we do not re-run Apollo's content negotiation, so
 * when both types are listed we leave Apollo's status alone rather than guess. Our own refusals
 * (QUERY_TOO_COMPLEX, rate limits, bad bodies) keep their statuses: they are not in the list.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/** Apollo's codes for the three request errors the watershed covers. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

const acceptsOnlyLegacyJson = (accept: string | undefined): boolean => !accept || !/application\/graphql-response\+json/i.test(accept);

export function legacyJsonStatusPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, errors }) {
          const http = response.http;
          if (http.status !== 400 || response.body.kind !== 'single') return;
          // A request error has no data at all; a field error (data present) is already a 200.
          if (response.body.singleResult.data !== undefined || !errors?.length) return;
          // Our own limit refusals raised during validation carry `limit` and keep their status.
          const watershed = errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)) && e.extensions?.limit === undefined);
          if (watershed && acceptsOnlyLegacyJson(request.http?.headers.get('accept'))) http.status = 200;
        },
      };
    },
  };
}
