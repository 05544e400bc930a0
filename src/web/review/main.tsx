/**
 * Entry of the review desk page: reads where the API is from the page, opens one lazy graphql-ws
 * client for live updates and renders the desk. The reviewer's name travels as the X-User header
 * (and the socket's connection parameter), which the API records on each decision.
 */
import { createRoot } from 'react-dom/client';
import { createClient } from 'graphql-ws';
import './review.css';
import { websocketUrl } from '../graphql-http';
import { GRAPHQL_PATH_META, graphqlPathFrom } from '../page-config';
import { ReviewDesk } from './App';
import { createReviewDeskApi } from './desk-api';

const REVIEWER_KEY = 'creator-graph.reviewer';

/** The reviewer's name, kept in this browser and sent as X-User: the API records it on decisions. */
let reviewer = '';
try {
  reviewer = window.localStorage.getItem(REVIEWER_KEY) ?? '';
} catch {
  // storage disabled: the name lasts for this page only
}

function saveReviewer(name: string): void {
  reviewer = name;
  try {
    window.localStorage.setItem(REVIEWER_KEY, name);
  } catch {
    // as above
  }
}

const identityHeaders = (): Record<string, string> => (reviewer ? { 'x-user': reviewer } : {});

const graphqlPath = graphqlPathFrom(document.querySelector(`meta[name="${GRAPHQL_PATH_META}"]`)?.getAttribute('content'));

const wsClient = createClient({
  url: websocketUrl(window.location, graphqlPath),
  lazy: true,
  connectionParams: identityHeaders,
  // A desk left open should come back by itself after a server restart.
  retryAttempts: 1000,
  shouldRetry: () => true,
});

const api = createReviewDeskApi({
  graphqlUrl: graphqlPath,
  wsClient,
  headers: identityHeaders,
});

const root = document.getElementById('root');
if (!root) throw new Error('review desk: #root is missing from the page');
createRoot(root).render(<ReviewDesk api={api} playgroundHref={graphqlPath} reviewer={{ initial: reviewer, save: saveReviewer }} />);
