/**
 * Entry of the review desk page: reads where the API is from the page, opens one lazy graphql-ws
 * client for live updates and renders the desk. The reviewer's API key travels as
 * `Authorization: Bearer` (and as the socket's `authorization` connection parameter); the API
 * records the key's name on each decision. A local demo's generated key is pre-filled.
 */
import { createRoot } from 'react-dom/client';
import { createClient } from 'graphql-ws';
import './review.css';
import { websocketUrl } from '../graphql-http';
import { browserStorage, createApiKeyStore } from '../api-key';
import { GRAPHQL_PATH_META, graphqlPathFrom } from '../page-config';
import { ReviewDesk } from './App';
import { createReviewDeskApi } from './desk-api';

/** The key this browser saved (shared with the explorer), else the demo key the server wrote into the page. */
const keys = createApiKeyStore(document, browserStorage());
const authorization = () => keys.authorization();

const graphqlPath = graphqlPathFrom(document.querySelector(`meta[name="${GRAPHQL_PATH_META}"]`)?.getAttribute('content'));

const wsClient = createClient({
  url: websocketUrl(window.location, graphqlPath),
  lazy: true,
  // Read at every (re)connect, so a key entered after a refusal is used on the next attempt.
  connectionParams: authorization,
  // A desk left open should come back by itself after a server restart.
  retryAttempts: 1000,
  shouldRetry: () => true,
});

const api = createReviewDeskApi({
  graphqlUrl: graphqlPath,
  wsClient,
  headers: authorization,
});

const root = document.getElementById('root');
if (!root) throw new Error('review desk: #root is missing from the page');
createRoot(root).render(<ReviewDesk api={api} playgroundHref={graphqlPath} apiKey={{ initial: keys.current(), save: (k) => keys.save(k) }} />);
