/**
 * Entry of the graph explorer page (/explore).
 *
 * Drawing library: Cytoscape.js (3.35) with the fCoSE layout (cytoscape-fcose 2.2). Why these:
 * - Cytoscape.js is maintained (monthly releases), ships its own TypeScript types, and draws on a
 *   2D canvas, which renders the same in a laptop browser and in headless Chromium without a GPU
 *   (the e2e tests and the benchmark run there). Sigma.js draws with WebGL: faster past ~5,000
 *   nodes, but our views are capped at a few hundred nodes and headless WebGL is software-emulated.
 * - It carries what the explorer needs without more libraries: per-class styles (kind, platform,
 *   edge type), labels that hide themselves when too small to read, pan/zoom/fit, hit-testing for
 *   hover and click, and incremental adds for expansions and live updates.
 * - fCoSE (Bilkent's force-directed layout with spectral initialisation) lays out 300 nodes in a
 *   few hundred milliseconds and keeps components packed, so a 300-node neighbourhood stays readable;
 *   with randomize: false it refines an existing layout, which is how expansions keep the picture stable.
 * Both are bundled at build time by scripts/build-web.mjs; nothing is fetched from a CDN.
 *
 * Sign-in: the API key (shared with the review desk through api-key.ts) goes as
 * `Authorization: Bearer` on HTTP and as the graphql-ws `authorization` connection parameter. A new
 * key replaces the socket client, since graphql-ws reads credentials when it connects.
 */
import { createRoot } from 'react-dom/client';
import { createClient, type Client } from 'graphql-ws';
import { useState } from 'react';
import './explore.css';
import { browserStorage, createApiKeyStore } from '../api-key';
import { websocketUrl } from '../graphql-http';
import { GRAPHQL_PATH_META, graphqlPathFrom } from '../page-config';
import { Explorer, type SignIn } from './App';
import { createExplorerApi } from './explorer-api';

const keys = createApiKeyStore(document, browserStorage());
const graphqlPath = graphqlPathFrom(document.querySelector(`meta[name="${GRAPHQL_PATH_META}"]`)?.getAttribute('content'));

const newSocket = (): Client =>
  createClient({
    url: websocketUrl(window.location, graphqlPath),
    lazy: true,
    connectionParams: () => keys.authorization(),
    // A page left open comes back by itself after a server restart.
    retryAttempts: 1000,
    shouldRetry: () => true,
  });

let socket = newSocket();
const api = createExplorerApi({ graphqlUrl: graphqlPath, headers: () => keys.authorization(), wsClient: () => socket });

function Page() {
  const [session, setSession] = useState(0);
  const signIn: SignIn = {
    key: keys.current(),
    demo: keys.isDemo(),
    async signIn(key) {
      await api.checkKey(key);
      keys.save(key);
      // dispose() rejects when the old socket is still failing to connect (e.g. refused for want of a key): nothing to do then.
      const old = socket;
      socket = newSocket();
      void Promise.resolve(old.dispose()).catch(() => undefined);
      setSession((n) => n + 1);
    },
  };
  return <Explorer api={api} signIn={signIn} session={session} playgroundHref={graphqlPath} />;
}

const root = document.getElementById('root');
if (!root) throw new Error('explorer: #root is missing from the page');
createRoot(root).render(<Page />);
