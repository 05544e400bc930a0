/**
 * Small helpers the e2e tests use to talk to the running test app over plain HTTP, to set up and
 * check what the browser did. Requests only ever go to the test app on 127.0.0.1.
 */
import { requestGraphQL } from '../../src/web/graphql-http';

export interface AppUrls {
  /** Origin of the test app, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** The GraphQL endpoint URL. */
  graphql: string;
  /** The API key the helpers send (the test app's admin key). */
  key: string;
}

/** Accepts the app's URL as either its origin or its GraphQL endpoint; always uses 127.0.0.1. */
export function appUrls(url: string, key: string): AppUrls {
  const u = new URL(url);
  if (u.hostname === 'localhost' || u.hostname === '0.0.0.0') u.hostname = '127.0.0.1';
  const path = u.pathname && u.pathname !== '/' ? u.pathname : '/graphql';
  return { origin: u.origin, graphql: `${u.origin}${path}`, key };
}

export function gql<T>(urls: AppUrls, query: string, variables?: Record<string, unknown>): Promise<T> {
  return requestGraphQL<T>({ url: urls.graphql, query, variables, headers: { authorization: `Bearer ${urls.key}` } });
}
