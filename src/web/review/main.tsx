/**
 * Entry of the review desk page: reads where the API is from the page, opens one lazy graphql-ws
 * client for live updates and renders the desk. An API token, if the deployment needs one, is
 * read from localStorage ("creator-graph.token") and sent as a Bearer header and as the socket's
 * connection parameter.
 */
import { createRoot } from 'react-dom/client';
import { createClient } from 'graphql-ws';
import './review.css';
import { websocketUrl } from '../graphql-http';
import { GRAPHQL_PATH_META, graphqlPathFrom } from '../page-config';
import { ReviewDesk } from './App';
import { createReviewDeskApi } from './desk-api';

const TOKEN_KEY = 'creator-graph.token';

function token(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    return null; // storage disabled: run without a token
  }
}

const graphqlPath = graphqlPathFrom(document.querySelector(`meta[name="${GRAPHQL_PATH_META}"]`)?.getAttribute('content'));

const wsClient = createClient({
  url: websocketUrl(window.location, graphqlPath),
  lazy: true,
  connectionParams: () => {
    const t = token();
    return t ? { authorization: `Bearer ${t}` } : {};
  },
  // A desk left open should come back by itself after a server restart.
  retryAttempts: 1000,
  shouldRetry: () => true,
});

const api = createReviewDeskApi({
  graphqlUrl: graphqlPath,
  wsClient,
  headers: (): Record<string, string> => {
    const t = token();
    return t ? { authorization: `Bearer ${t}` } : {};
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('review desk: #root is missing from the page');
createRoot(root).render(<ReviewDesk api={api} playgroundHref={graphqlPath} />);
