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
import { DEMO_KEY_META, demoKeyFrom, GRAPHQL_PATH_META, graphqlPathFrom } from '../page-config';
import { ReviewDesk } from './App';
import { createReviewDeskApi } from './desk-api';

const KEY_STORE = 'creator-graph.api-key';
const meta = (name: string) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content');

/** The key this browser saved, else the demo key the server wrote into the page. */
let apiKey = demoKeyFrom(meta(DEMO_KEY_META));
try {
  apiKey = window.localStorage.getItem(KEY_STORE) || apiKey;
} catch {
  // storage disabled: the key lasts for this page only
}

function saveKey(key: string): void {
  apiKey = key;
  try {
    window.localStorage.setItem(KEY_STORE, key);
  } catch {
    // as above
  }
}

const authorization = (): Record<string, string> => (apiKey ? { authorization: `Bearer ${apiKey}` } : {});

const graphqlPath = graphqlPathFrom(meta(GRAPHQL_PATH_META));

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
createRoot(root).render(<ReviewDesk api={api} playgroundHref={graphqlPath} apiKey={{ initial: apiKey, save: saveKey }} />);
