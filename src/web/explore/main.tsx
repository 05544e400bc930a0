/**
 * Entry of the graph explorer page (/explore): a small script that starts the canvas's first
 * request (first-load.ts) and then loads the React page (page.tsx) as a separate chunk, so on a
 * cold load the server answers the query while the browser fetches and compiles the page's code.
 * The build (scripts/build-web.mjs) adds `<link rel="modulepreload">` for that chunk, so its download
 * starts with this script's.
 *
 * Drawing library: Cytoscape.js (3.35) with the fCoSE layout (cytoscape-fcose 2.2). Why these:
 * - Cytoscape.js is maintained (monthly releases), ships its own TypeScript types, and draws on a
 *   2D canvas, which renders the same in a laptop browser and in headless Chromium without a GPU
 *   (the e2e tests and the benchmark run there). Sigma.js draws with WebGL: faster past ~5,000
 *   nodes, but our views are capped at a few hundred nodes and headless WebGL is software-emulated.
 * - It carries what the explorer needs without more libraries: per-class styles (kind, platform,
 *   edge type), labels that hide themselves when too small to read, pan/zoom/fit, hit-testing for
 *   hover and click, incremental adds for expansions and live updates, and built-in layouts (the
 *   radial breadth-first one draws a large graph's first picture, see GraphView.tsx).
 * - fCoSE (Bilkent's force-directed layout with spectral initialisation) keeps components packed,
 *   so a 300-node neighbourhood stays readable; with randomize: false it refines an existing layout,
 *   which is how expansions keep the picture stable.
 * Both are bundled at build time by scripts/build-web.mjs; nothing is fetched from a CDN.
 */
import { createClient, type Client } from 'graphql-ws';
import './explore.css';
import { browserStorage, createApiKeyStore } from '../api-key';
import { websocketUrl } from '../graphql-http';
import { GRAPHQL_PATH_META, graphqlPathFrom } from '../page-config';
import { createExplorerApi } from './explorer-api';
import { withFirstLoad } from './first-load';
import { parseState } from './url-state';

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
const api = withFirstLoad(
  createExplorerApi({ graphqlUrl: graphqlPath, headers: () => keys.authorization(), wsClient: () => socket }),
  parseState(window.location.search),
);

const root = document.getElementById('root');
if (!root) throw new Error('explorer: #root is missing from the page');

import('./page').then(
  ({ mountPage }) => {
    // Read by bench/explorer.ts: when the page's code was loaded and compiled.
    performance.mark('cg-page-loaded');
    mountPage(root, {
      api,
      keys,
      graphqlPath,
      reconnect() {
        // dispose() rejects when the old socket is still failing to connect (e.g. refused for want of a key): nothing to do then.
        const old = socket;
        socket = newSocket();
        void Promise.resolve(old.dispose()).catch(() => undefined);
      },
    });
  },
  (err: unknown) => {
    // A chunk that no longer exists (the server was rebuilt under an open tab) or a network fault.
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.className = 'load-failed';
    p.textContent = `The graph explorer could not load its code (${(err as Error)?.message ?? String(err)}). Reload the page; if it persists, rebuild with npm run build:web.`;
    root.replaceChildren(p);
  },
);
