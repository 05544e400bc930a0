/**
 * The playground page: GraphiQL 5 served from our own host (no CDN, no web fonts), pointed at the
 * API's HTTP endpoint, with subscriptions over graphql-ws on the same path, and the example
 * documents as its opening tabs.
 */
// Must run before GraphiQL loads Monaco: Monaco asks MonacoEnvironment for its workers.
import './workers';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { createClient } from 'graphql-ws';
import 'graphiql/style.css';
import './playground.css';
import { PLAYGROUND_EXAMPLES } from '../examples';
import { websocketUrl } from '../graphql-http';
import { DEMO_KEY_META, demoKeyFrom, GRAPHQL_PATH_META, graphqlPathFrom } from '../page-config';

const meta = (name: string) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
const graphqlPath = graphqlPathFrom(meta(GRAPHQL_PATH_META));
/** A local demo's generated admin key, written into the page by the server; '' when keys are configured. */
const demoKey = demoKeyFrom(meta(DEMO_KEY_META));

/**
 * The Authorization the user last typed in the Headers editor, for the socket: graphql-ws sends
 * credentials once, in connection_init, not per operation.
 */
let editorAuthorization: string | undefined;

const base = createGraphiQLFetcher({
  url: graphqlPath,
  // The editor's headers override these, so a user's own key wins over the demo key.
  headers: demoKey ? { Authorization: `Bearer ${demoKey}` } : undefined,
  // lazy: the socket opens on the first subscription and closes when the last one ends.
  wsClient: createClient({
    url: websocketUrl(window.location, graphqlPath),
    lazy: true,
    connectionParams: () => {
      const authorization = editorAuthorization ?? (demoKey ? `Bearer ${demoKey}` : undefined);
      return authorization ? { authorization } : {};
    },
  }),
});

const fetcher: Fetcher = (params, opts) => {
  const typed = Object.entries(opts?.headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  if (typeof typed === 'string') editorAuthorization = typed;
  return base(params, opts);
};

const tabs = PLAYGROUND_EXAMPLES.map((e) => ({ query: e.query, variables: e.variables ?? null }));

/**
 * GraphiQL fills the variables editor from `initialVariables` only, not from the first default tab,
 * so hand it the first example's variables on a first visit (no tabs saved yet). Never afterwards:
 * with saved tabs GraphiQL would treat it as new content and open a fresh tab on every visit.
 */
function isFirstVisit(): boolean {
  try {
    return window.localStorage.getItem('graphiql:tabState') === null;
  } catch {
    return true; // storage disabled: nothing is saved either
  }
}

function Playground() {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={tabs}
      defaultQuery={tabs[0].query}
      initialVariables={isFirstVisit() ? (tabs[0].variables ?? undefined) : undefined}
      defaultEditorToolsVisibility="variables"
      // Without a demo key the user brings one: show where it goes.
      defaultHeaders={demoKey ? undefined : '{\n  "Authorization": "Bearer <your API key>"\n}'}
    >
      <GraphiQL.Logo>
        <span className="cg-logo">
          Creator Graph <a href="/review">review desk</a>
        </span>
      </GraphiQL.Logo>
    </GraphiQL>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('playground: #root is missing from the page');
createRoot(root).render(<Playground />);
