/**
 * How the server tells a built page where the API lives. The built HTML carries a
 * `<meta name="cg-graphql-path" content="%CG_GRAPHQL_PATH%">` tag; `mountWeb` fills it in when it
 * serves the page, so one build works behind any `graphqlPath`.
 */

export const GRAPHQL_PATH_META = 'cg-graphql-path';
export const GRAPHQL_PATH_PLACEHOLDER = '%CG_GRAPHQL_PATH%';
/** Used when the page was opened without the server filling the tag in (e.g. from disk). */
export const DEFAULT_GRAPHQL_PATH = '/graphql';

/** The value of the meta tag's content, or the default when it is missing or unfilled. */
export function graphqlPathFrom(content: string | null | undefined): string {
  if (!content || content === GRAPHQL_PATH_PLACEHOLDER || !content.startsWith('/')) return DEFAULT_GRAPHQL_PATH;
  return content;
}

/**
 * `<meta name="cg-demo-key" content="%CG_DEMO_KEY%">`: filled with the admin key the server
 * generated for a local demo (no API_KEYS), empty otherwise; the pages send it until the user
 * enters a key of their own.
 */
export const DEMO_KEY_META = 'cg-demo-key';
export const DEMO_KEY_PLACEHOLDER = '%CG_DEMO_KEY%';

/** The demo key from the meta tag's content, or '' when absent or unfilled. */
export function demoKeyFrom(content: string | null | undefined): string {
  if (!content || content === DEMO_KEY_PLACEHOLDER) return '';
  return content;
}
