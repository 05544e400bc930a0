/**
 * The graph explorer: search, the graph canvas, and a side panel with what is selected (creator
 * card, node details, competitor launches, chain lists) and, under the canvas, an open chain's
 * timeline. What is open lives in the URL (url-state.ts): every change pushes a history entry, Back
 * goes back, and a copied URL reopens the same view. New amplifications touching what is on screen
 * are merged in as they arrive (live.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { chainGraph, formatDuration } from './chain';
import type { AmplificationEvent, Chain, Graph } from './documents';
import { describeNode, EMPTY_GRAPH, mergeGraphs } from './elements';
import type { ExplorerApi, LiveState } from './explorer-api';
import { GraphView, type DrawnStats } from './GraphView';
import { extendChain, liveAdditions } from './live';
import { ChainList, ChainTimeline } from './chain-panels';
import { CompetitorPanel } from './competitor-panel';
import { Legend } from './legend';
import { Selection } from './selection';
import { SignInForm, type SignIn } from './sign-in';
import { ErrorBox, Loading, platformName, shown, useLoad, type ShownError } from './status';
import { Search } from './Search';
import { canvasOf, competitorLimit, expandNode, formatState, openItem, parseState, type ExploreState } from './url-state';

export type { SignIn } from './sign-in';

/** Neighbours an expansion brings per click: enough to see the node's surroundings, few enough to stay readable. */
export const EXPAND_LIMIT = 40;
const MAX_LIVE_EVENTS = 20;

export function Explorer({ api, signIn, session, playgroundHref }: { api: ExplorerApi; signIn: SignIn; session: number; playgroundHref: string }) {
  const [s, setS] = useState<ExploreState>(() => parseState(window.location.search));
  const [live, setLive] = useState<{ graph: Graph; ids: Set<string>; events: AmplificationEvent[]; chains: Map<string, Chain> }>({
    graph: EMPTY_GRAPH,
    ids: new Set(),
    events: [],
    chains: new Map(),
  });
  const [connection, setConnection] = useState<LiveState>('connecting');
  const [liveError, setLiveError] = useState<ShownError | null>(null);
  const [drawn, setDrawn] = useState<DrawnStats | null>(null);
  /** The canvas (its canvasKey) whose first picture is on screen. */
  const [pictured, setPictured] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  /** Every change of what is open is a history entry, so Back works and the URL can be shared. */
  const go = useCallback((next: ExploreState, replace = false) => {
    const url = `${window.location.pathname}${formatState(next)}`;
    if (replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    setS(next);
  }, []);
  useEffect(() => {
    const onPop = () => setS(parseState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const canvas = canvasOf(s);
  const canvasKey = `${JSON.stringify(canvas)}|${s.depth}|${s.limit}|${attempt}|${session}`;

  // The base graph: a neighbourhood or a competitor's graph (a chain's graph comes from its list).
  const [base, setBase] = useState<{ key: string; graph: Graph | null; brand?: import('./documents').CompetitorData; error: ShownError | null; loading: boolean }>({
    key: '',
    graph: null,
    error: null,
    loading: false,
  });
  useEffect(() => {
    let on = true;
    if (canvas.kind === 'none' || canvas.kind === 'chain') {
      setBase({ key: canvasKey, graph: null, error: null, loading: false });
      return;
    }
    setBase({ key: canvasKey, graph: null, error: null, loading: true });
    const load =
      canvas.kind === 'neighborhood'
        ? api.neighborhood(canvas.node, s.depth, s.limit).then((graph) => ({ graph }))
        : api.competitor(canvas.brand, competitorLimit(s.limit)).then((d) => ({ graph: d.competitorGraph, brand: d }));
    load.then(
      (r) => on && setBase({ key: canvasKey, ...r, error: null, loading: false }),
      (err) => on && setBase({ key: canvasKey, graph: null, error: shown(err), loading: false }),
    );
    return () => {
      on = false;
    };
    // canvasKey covers the canvas, its size, a retry and a new session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canvasKey, api]);

  // Expansions: each expanded node's neighbours, loaded once per view.
  const [expansions, setExpansions] = useState<Map<string, Graph | ShownError>>(new Map());
  useEffect(() => setExpansions(new Map()), [canvasKey]);
  useEffect(() => {
    for (const id of s.expanded) {
      if (expansions.has(id)) continue;
      setExpansions((m) => new Map(m).set(id, { code: 'LOADING', message: '' }));
      api.neighborhood(id, 1, EXPAND_LIMIT).then(
        (g) => setExpansions((m) => new Map(m).set(id, g)),
        (err) => setExpansions((m) => new Map(m).set(id, shown(err))),
      );
    }
  }, [s.expanded, expansions, api]);

  // Chains of a creator or campaign, listed beside the graph; one of them may be the canvas.
  const chains = useLoad(s.chainsOf ? `${s.chainsOf}|${session}` : null, (k) => api.chains(k.split('|')[0]));
  const chainOf = (root: string) => live.chains.get(root) ?? chains.data?.find((c) => c.root.id === root) ?? null;
  const openChain = canvas.kind === 'chain' ? chainOf(canvas.root) : null;

  useEffect(() => setLive({ graph: EMPTY_GRAPH, ids: new Set(), events: [], chains: new Map() }), [canvasKey]);

  const graph = useMemo(() => {
    let g: Graph = canvas.kind === 'chain' ? (openChain ? chainGraph(openChain) : EMPTY_GRAPH) : (base.graph ?? EMPTY_GRAPH);
    for (const id of s.expanded) {
      const x = expansions.get(id);
      if (x && 'nodes' in x) g = mergeGraphs(g, x);
    }
    return mergeGraphs(g, live.graph);
  }, [canvas.kind, openChain, base.graph, s.expanded, expansions, live.graph]);

  // Live amplifications: one subscription per session (a new key reconnects).
  // The subscription outlives renders: it reads what is on screen now through refs.
  const graphRef = useRef(graph);
  graphRef.current = graph;
  const chainsRef = useRef(chains.data);
  chainsRef.current = chains.data;
  useEffect(() => {
    const offConn = api.onConnection((st) => {
      setConnection(st);
      if (st === 'connected') setLiveError(null);
    });
    const off = api.onAmplification(
      (e) => {
        const add = liveAdditions(graphRef.current, e);
        setLive((l) => {
          const chainsNow = new Map(l.chains);
          let touched = false;
          for (const c of [...(chainsRef.current ?? []), ...l.chains.values()]) {
            const ext = extendChain(chainsNow.get(c.root.id) ?? c, e);
            if (ext) {
              chainsNow.set(c.root.id, ext);
              touched = true;
            }
          }
          if (!add && !touched) return l;
          const ids = new Set(l.ids);
          ids.add(e.amplifier.id);
          ids.add(`AMPLIFIED:${e.amplifier.id}->${e.source.id}`);
          return {
            graph: add ? mergeGraphs(l.graph, add) : l.graph,
            ids,
            events: [e, ...l.events].slice(0, MAX_LIVE_EVENTS),
            chains: chainsNow,
          };
        });
      },
      (err) => setLiveError(err),
    );
    return () => {
      off();
      offConn();
    };
  }, [api, session]);

  const open = (id: string) => go(openItem(s, id));
  const expand = (id: string) => go(expandNode(s, id));
  const select = (id: string) => go({ ...s, selected: id }, true);
  const listChains = (of: string) => go({ ...s, chainsOf: of, chain: null });
  const showChain = (root: string) => go({ ...s, chain: root, expanded: [], selected: null });
  const closeChain = () => go({ ...s, chain: null, expanded: [], selected: null });

  const nodesById = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph]);
  const sortedNodes = useMemo(() => [...graph.nodes].sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label)), [graph]);
  // Nothing picked yet: the opened node is the selection, so its details show at once.
  const selected = s.selected ?? (canvas.kind === 'neighborhood' ? canvas.node : canvas.kind === 'competitor' ? canvas.brand : null);
  // The side panel's requests (creator card, node details) wait for the canvas's first picture, so
  // on opening a page the server answers the graph query alone, and the card's queries (and their
  // rendering) do not compete with drawing the graph on a machine's few cores; the card follows.
  const canvasSettled =
    canvas.kind === 'none' ||
    canvas.kind === 'chain' ||
    (base.key === canvasKey && !base.loading && (base.error !== null || !base.graph || base.graph.nodes.length === 0 || pictured === canvasKey));
  const expansionErrors = [...expansions.entries()].filter(([, v]) => !('nodes' in v) && v.code !== 'LOADING') as [string, ShownError][];
  const expanding = [...expansions.values()].some((v) => !('nodes' in v) && v.code === 'LOADING');

  const canvasLabel =
    canvas.kind === 'chain'
      ? 'Amplification chain'
      : canvas.kind === 'competitor'
        ? `Competitor graph of ${base.brand?.node?.name ?? canvas.brand}`
        : canvas.kind === 'neighborhood'
          ? `Neighbourhood of ${nodesById.get(canvas.node)?.label ?? canvas.node}`
          : 'Graph';

  let canvasState: React.ReactNode = null;
  if (canvas.kind === 'none') {
    canvasState = (
      <div className="canvas-empty" data-testid="start">
        <h2>Explore the graph</h2>
        <p>Search a creator, brand, campaign or #hashtag above and open it to draw its neighbourhood. Click a node to expand it; hover for details.</p>
        <p className="muted">Every request needs an API key: enter yours at the top right and press Sign in (a local `npm start` fills in its demo key).</p>
      </div>
    );
  } else if (canvas.kind === 'chain' && !openChain) {
    canvasState = chains.loading ? (
      <Loading what="the chain" />
    ) : chains.error ? (
      <ErrorBox error={chains.error} onRetry={chains.retry} />
    ) : (
      <p className="empty">This chain is not among the chains listed{s.chainsOf ? ` for ${s.chainsOf}` : ''}: open it from a creator's or campaign's chain list.</p>
    );
  } else if (base.loading) {
    canvasState = <Loading what={canvas.kind === 'competitor' ? 'the competitor graph' : 'the neighbourhood'} />;
  } else if (base.error) {
    canvasState = <ErrorBox error={base.error} onRetry={() => setAttempt((a) => a + 1)} />;
  } else if (graph.nodes.length === 0 && canvas.kind !== 'chain') {
    canvasState = <p className="empty">Nothing to draw: this node has no neighbours yet.</p>;
  }

  // The live list: at the top of the panel once something arrived, else a note at the bottom.
  const liveFeed = (
  <section className="card live-feed" aria-labelledby="live-title" aria-live="polite">
    <h2 id="live-title">Live amplifications</h2>
    {live.events.length === 0 ? (
      <p className="muted">New reposts, quotes, links and cross-posts of what is on screen appear here and in the graph as they are detected.</p>
    ) : (
      <ul>
        {live.events.map((e) => (
          <li key={`${e.amplifier.id}>${e.source.id}`} data-testid="live-event" data-amplifier={e.amplifier.id}>
            @{e.amplifier.author.username} ({platformName(e.amplifier.platform)}) {e.kind.toLowerCase()} of @{e.source.author.username} (
            {platformName(e.source.platform)}) after {formatDuration(e.lagSeconds)}
          </li>
        ))}
      </ul>
    )}
  </section>
  );

  return (
    <div className="explorer">
      <header className="top">
        <h1>
          <a href="/explore" onClick={(e) => (e.preventDefault(), go(parseState('')))}>
            Graph explorer
          </a>
        </h1>
        <Search api={api} onOpen={open} />
        <span className={`connection connection-${connection}`} data-testid="connection" title="live amplifications">
          {connection === 'connected' ? 'live' : connection === 'connecting' ? 'connecting…' : 'offline'}
        </span>
        <SignInForm signIn={signIn} api={api} onChange={() => setAttempt((a) => a + 1)} />
        <nav className="links" aria-label="Other pages">
          <a href="/review">Review desk</a>
          <a href={playgroundHref}>Playground</a>
        </nav>
      </header>
      {liveError && <ErrorBox error={liveError} />}
      <div className="body">
        <main className="canvas" aria-label={canvasLabel}>
          <div className="canvas-bar">
            <span className="canvas-title" data-testid="canvas-title">
              {canvasLabel}
            </span>
            <span className="muted" data-testid="graph-size">
              {graph.nodes.length > 0 && `${graph.nodes.length} nodes, ${graph.edges.length} edges`}
              {drawn && graph.nodes.length > 0 && ` · drawn in ${Math.round(drawn.ms)} ms`}
              {drawn && graph.nodes.length > 0 && drawn.settledMs !== null && drawn.settledMs > drawn.ms && `, settled in ${Math.round(drawn.settledMs)} ms`}
              {expanding && ' · expanding…'}
            </span>
            {canvas.kind === 'neighborhood' && (
              <label>
                Depth{' '}
                <select value={s.depth} onChange={(e) => go({ ...s, depth: Number(e.target.value) })} aria-label="Neighbourhood depth">
                  {[1, 2, 3].map((d) => (
                    <option key={d}>{d}</option>
                  ))}
                </select>
              </label>
            )}
            {canvas.kind === 'chain' && (
              <button type="button" onClick={closeChain}>
                Close the chain
              </button>
            )}
            <Legend />
          </div>
          {expansionErrors.map(([id, err]) => (
            <ErrorBox key={id} error={{ code: err.code, message: `expanding ${id}: ${err.message}` }} onRetry={() => setExpansions((m) => (m.delete(id), new Map(m)))} />
          ))}
          <div className="canvas-area">
            {canvasState && <div className="canvas-state">{canvasState}</div>}
            <GraphView
              graph={graph}
              resetKey={canvasKey}
              focusId={canvas.kind === 'neighborhood' ? canvas.node : canvas.kind === 'competitor' ? canvas.brand : canvas.kind === 'chain' ? canvas.root : null}
              selectedId={selected}
              expandedIds={s.expanded}
              liveIds={live.ids}
              label={canvasLabel}
              onTapNode={(id) => expand(id)}
              onDrawn={(stats) => {
                setDrawn(stats);
                setPictured(canvasKey);
              }}
            />
          </div>
          {openChain && <ChainTimeline chain={openChain} liveIds={live.ids} onOpen={open} />}
        </main>
        <aside className="side" aria-label="Details">
          {live.events.length > 0 && liveFeed}
          {graph.nodes.length > 0 && (
            <div className="node-list">
              <label htmlFor="node-list">Nodes on screen ({graph.nodes.length})</label>
              <select id="node-list" data-testid="node-list" size={6} value={selected ?? ''} onChange={(e) => select(e.target.value)}>
                {sortedNodes.map((n) => (
                  <option key={n.id} value={n.id}>
                    {describeNode(n)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {canvas.kind === 'competitor' && base.brand?.node && (
            <CompetitorPanel brand={base.brand.node} campaigns={base.brand.campaigns} onChains={listChains} />
          )}
          {selected && (
            <Selection
              key={selected}
              api={api}
              id={selected}
              node={nodesById.get(selected) ?? null}
              hold={!canvasSettled}
              onExpand={expand}
              onOpen={open}
              onChains={listChains}
            />
          )}
          {s.chainsOf && (
            <section className="card" aria-labelledby="chains-title">
              <h2 id="chains-title">Amplification chains of {nodesById.get(s.chainsOf)?.label ?? s.chainsOf}</h2>
              {chains.loading && <Loading what="chains" />}
              {chains.error && <ErrorBox error={chains.error} onRetry={chains.retry} />}
              {chains.data && (
                <ChainList
                  ownerLabel={nodesById.get(s.chainsOf)?.label ?? s.chainsOf}
                  chains={chains.data.map((c) => live.chains.get(c.root.id) ?? c)}
                  openRoot={canvas.kind === 'chain' ? canvas.root : null}
                  onOpen={showChain}
                />
              )}
            </section>
          )}
          {live.events.length === 0 && liveFeed}
        </aside>
      </div>
    </div>
  );
}
