/**
 * The canvas: Cytoscape.js with the fCoSE layout (see main.tsx for why these two).
 *
 * A new `resetKey` (another node opened, a competitor, a chain) lays the whole graph out afresh;
 * a grown graph (an expansion, a live amplification) keeps the nodes where they are, places the new
 * ones next to a neighbour already drawn and lets fCoSE settle them from there (randomize: false),
 * so the user does not lose what they were looking at. A fresh view of FIRST_PICTURE_MIN_NODES or
 * more is first drawn as rings of hops around the opened node, placed before the elements reach
 * Cytoscape (first-picture.ts), and then laid out in full by fCoSE (see below). When the final layout has run and the next frame is painted, `onDrawn` reports it and the
 * container carries data-state="ready" (tests and the benchmark wait for that).
 *
 * The canvas itself cannot take keyboard focus in a useful way, so the container is focusable with
 * keys for zoom (+ -), fit (0), pan (arrows), and the side panel lists the nodes for keyboard users.
 */
import cytoscape, { type Core, type ElementDefinition, type EventObject } from 'cytoscape';
import { useLayoutEffect, useRef, useState } from 'react';
import type { Graph } from './documents';
import { describeEdge, describeNode, toElements } from './elements';
import { fitViewport, radialPlacement } from './first-picture';
import { warmUpGraph } from './warm-up';
import { STYLESHEET } from './graph-style';

/**
 * fCoSE and the two libraries under it (a seventh of the page's code) are a chunk of their own: a
 * large view's first picture needs none of them, so they are compiled and run after it. The page
 * modulepreloads the chunk, so it is already downloaded when asked for.
 */
let fcoseLoaded: Promise<void> | null = null;
const loadFcose = (): Promise<void> =>
  (fcoseLoaded ??= import('cytoscape-fcose').then((m) => {
    cytoscape.use(m.default);
  }));

export interface DrawnStats {
  nodes: number;
  edges: number;
  /** Milliseconds from the elements being handed to Cytoscape to the first laid-out frame painted. */
  ms: number;
  /** Milliseconds to the final layout painted (fCoSE); null while a large graph's first picture is being refined. */
  settledMs: number | null;
}

/**
 * From this many nodes a fresh view is first drawn as rings of hops (the opened node in the middle,
 * each node in its parent's sector; positions and viewport computed without asking Cytoscape, see
 * first-picture.ts); once that is on screen fCoSE lays the graph out in full (a few hundred
 * milliseconds at 300 nodes) and the nodes glide there. Smaller graphs go straight to fCoSE, which
 * is quick at their size.
 */
export const FIRST_PICTURE_MIN_NODES = 100;

export interface HoverInfo {
  x: number;
  y: number;
  text: string;
}

export interface GraphViewProps {
  graph: Graph;
  resetKey: string;
  focusId: string | null;
  selectedId: string | null;
  expandedIds: readonly string[];
  liveIds: ReadonlySet<string>;
  label: string;
  onTapNode(id: string): void;
  onDrawn?(stats: DrawnStats): void;
}

function layoutOptions(randomize: boolean, nodes: number, animate = false): cytoscape.LayoutOptions {
  return {
    name: 'fcose',
    quality: 'default',
    randomize,
    // Computed at once, then (animate) the nodes glide from the first picture to their places.
    animate,
    animationDuration: 350,
    fit: true,
    padding: 24,
    nodeDimensionsIncludeLabels: false,
    nodeRepulsion: () => 5500,
    idealEdgeLength: () => (nodes > 150 ? 45 : 70),
    edgeElasticity: () => 0.45,
    nodeSeparation: 60,
    packComponents: true,
    numIter: 2500,
  } as unknown as cytoscape.LayoutOptions;
}

/** Runs `then` once the frame after next is painted (the layout's positions are on screen by then). */
const afterPaint = (then: () => void) => requestAnimationFrame(() => requestAnimationFrame(then));

/** Fit the graph to the view, but never zoom a small graph (a chain of five posts) up to giant labels. */
function fitReadable(cy: Core): void {
  if (cy.nodes().length === 0) return;
  cy.fit(undefined, 24);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
}

const MAX_FIT_ZOOM = 1.4;
const MIN_ZOOM = 0.05;

export function GraphView(props: GraphViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const lastReset = useRef<string | null>(null);
  const runningLayout = useRef<cytoscape.Layouts | null>(null);
  const layoutGeneration = useRef(0);
  /** The invisible warm-up graph while it is drawn (see warm-up.ts); never part of what is shown. */
  const warmUp = useRef<cytoscape.CollectionReturnValue | null>(null);
  const handlers = useRef(props);
  handlers.current = props;
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [state, setState] = useState<'empty' | 'layout' | 'ready'>('empty');

  // Layout effects, all three: the elements go to Cytoscape in the same task as React's commit, so
  // the browser lays out and paints the page once with the graph in it (with passive effects it
  // painted the page first and the graph a frame later, a whole extra frame on a cold page).
  useLayoutEffect(() => {
    const cy = cytoscape({
      container: container.current,
      style: STYLESHEET as unknown as cytoscape.StylesheetJson,
      elements: [],
      // Without this Cytoscape runs its default grid layout over the empty graph at start: a cold
      // profile put 65 ms there, first-time code the first picture never uses.
      layout: { name: 'null' },
      minZoom: MIN_ZOOM,
      maxZoom: 5,
      boxSelectionEnabled: false,
      selectionType: 'single',
      // Dragging the view of a big graph redraws from a cached texture instead of every element.
      textureOnViewport: true,
    });
    cyRef.current = cy;
    (window as unknown as { __cgGraph?: Core }).__cgGraph = cy;
    // Nothing to draw yet (the first query is in flight): Cytoscape's first-time work, done now on
    // an invisible graph, removed two frames later or when the real graph arrives (warm-up.ts).
    if (handlers.current.graph.nodes.length === 0) {
      const warm = cy.add(
        toElements(warmUpGraph()).map((e, i) => ({
          ...e,
          position: { x: 40 + (i % 8) * 60, y: 40 + Math.floor(i / 8) * 60 },
          style: { opacity: 0 },
        })) as ElementDefinition[],
      );
      warmUp.current = warm;
      afterPaint(() => {
        if (warmUp.current !== warm) return;
        warmUp.current = null;
        if (!cy.destroyed()) warm.remove();
      });
    }
    cy.on('tap', 'node', (e: EventObject) => handlers.current.onTapNode(e.target.id()));
    const showHover = (e: EventObject, text: string) => {
      e.target.addClass('hover');
      const p = e.renderedPosition ?? e.target.renderedPosition?.() ?? { x: 0, y: 0 };
      setHover({ x: p.x, y: p.y, text });
    };
    cy.on('mouseover', 'node', (e: EventObject) => showHover(e, describeNode(e.target.data() as never)));
    cy.on('mouseover', 'edge', (e: EventObject) => showHover(e, describeEdge(e.target.data() as never)));
    cy.on('mouseout', 'node, edge', (e: EventObject) => {
      e.target.removeClass('hover');
      setHover(null);
    });
    cy.on('viewport', () => setHover(null));
    // Cytoscape measures its container once: follow size changes (a timeline opening below, a window resize).
    const resize = new ResizeObserver(() => {
      cy.resize();
      fitReadable(cy);
    });
    if (container.current) resize.observe(container.current);
    return () => {
      resize.disconnect();
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  // The elements: a fresh layout on a new view, an incremental one when the graph grew.
  useLayoutEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const t0 = performance.now();
    const elements = toElements(props.graph) as ElementDefinition[];
    // The warm-up graph goes as soon as there is a real one to draw.
    if (warmUp.current && props.graph.nodes.length > 0) {
      warmUp.current.remove();
      warmUp.current = null;
    }
    const shown = () => (warmUp.current ? cy.elements().difference(warmUp.current) : cy.elements());
    // A new view, or the first graph of this one (the canvas mounts empty while the query runs).
    const fresh = lastReset.current !== props.resetKey || shown().nodes().empty();
    lastReset.current = props.resetKey;
    let changed = fresh;
    // A large fresh view: its first picture is placed here, before Cytoscape sees the elements.
    const nodeElements = elements.filter((e) => e.group === 'nodes');
    const picture =
      fresh && nodeElements.length >= FIRST_PICTURE_MIN_NODES
        ? radialPlacement(
            nodeElements.map((e) => ({ id: e.data.id!, size: Number(e.data.size) })),
            elements.filter((e) => e.group === 'edges').map((e) => ({ source: e.data.source!, target: e.data.target! })),
            handlers.current.focusId,
          )
        : null;
    if (picture) for (const n of nodeElements) n.position = picture.positions.get(n.data.id!);
    cy.batch(() => {
      if (fresh) {
        shown().remove();
        cy.add(elements);
        return;
      }
      const wanted = new Set(elements.map((e) => e.data.id!));
      const gone = shown().filter((e) => !wanted.has(e.id()));
      if (gone.length > 0) {
        gone.remove();
        changed = true;
      }
      const added = elements.filter((e) => cy.getElementById(e.data.id!).empty());
      if (added.length === 0) return;
      changed = true;
      const nodes = added.filter((e) => e.group === 'nodes');
      const edges = added.filter((e) => e.group === 'edges');
      // New nodes start next to a neighbour already on screen, so the layout grows from there.
      for (const n of nodes) {
        const edge = edges.find((e) => e.data.source === n.data.id || e.data.target === n.data.id);
        const other = edge ? cy.getElementById(edge.data.source === n.data.id ? edge.data.target! : edge.data.source!) : null;
        const at = other && other.nonempty() ? other.position() : { x: 0, y: 0 };
        n.position = { x: at.x + (Math.random() - 0.5) * 40, y: at.y + (Math.random() - 0.5) * 40 };
      }
      cy.add(nodes);
      cy.add(edges);
    });
    if (!changed) return;
    // A layout still running (a large graph's refinement) belongs to a picture that no longer exists.
    const generation = ++layoutGeneration.current;
    runningLayout.current?.stop();
    runningLayout.current = null;
    if (nodeElements.length === 0) {
      setState('empty');
      return;
    }
    setState('layout');
    const current = () => generation === layoutGeneration.current && cyRef.current === cy;
    let firstMs: number | null = null;
    // Read by bench/explorer.ts: when the graph was first on screen, and when its final layout was.
    const drawn = (settled: boolean) => {
      const ms = performance.now() - t0;
      const s: DrawnStats = { nodes: cy.nodes().length, edges: cy.edges().length, ms: firstMs ?? ms, settledMs: settled ? ms : null };
      if (firstMs === null) {
        firstMs = ms;
        performance.mark('cg-graph-drawn', { detail: s });
      }
      if (settled) {
        performance.mark('cg-graph-settled', { detail: s });
        setState('ready');
      }
      handlers.current.onDrawn?.(s);
    };
    const refine = (randomize: boolean, animate: boolean) =>
      loadFcose().then(() => {
        if (!current()) return;
        const layout = cy.layout(layoutOptions(randomize, cy.nodes().length, animate));
        runningLayout.current = layout;
        layout.one('layoutstop', () => {
          if (!current()) return;
          runningLayout.current = null;
          fitReadable(cy);
          afterPaint(() => current() && drawn(true));
        });
        layout.run();
      }, () => {
        // The layout chunk could not load (a rebuilt server under an open tab, a network fault):
        // keep the picture as placed (a fresh small view gets Cytoscape's own circle) rather than none.
        if (!current()) return;
        if (fresh && !picture) cy.layout({ name: 'circle', fit: false } as cytoscape.LayoutOptions).run();
        fitReadable(cy);
        afterPaint(() => current() && drawn(true));
      });
    if (picture) {
      cy.viewport(fitViewport(picture.bounds, cy.width(), cy.height(), { padding: 24, minZoom: MIN_ZOOM, maxZoom: MAX_FIT_ZOOM }));
      afterPaint(() => {
        if (!current()) return;
        drawn(false);
        // A full fCoSE run (spectral start), animated from the first picture: refining the rings
        // in place (randomize: false) left the opened node and its accounts stacked in the hub.
        void refine(true, true);
      });
    } else {
      void refine(fresh, false);
    }
  }, [props.graph, props.resetKey]);

  // Marks: the opened node, the selection, expanded nodes and live additions.
  useLayoutEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes('.focus').removeClass('focus');
      if (props.focusId) cy.getElementById(props.focusId).addClass('focus');
      cy.nodes('.expanded').removeClass('expanded');
      for (const id of props.expandedIds) cy.getElementById(id).addClass('expanded');
      cy.elements('.live').removeClass('live');
      for (const id of props.liveIds) cy.getElementById(id).addClass('live');
      cy.$(':selected').unselect();
      if (props.selectedId) cy.getElementById(props.selectedId).select();
    });
  }, [props.focusId, props.selectedId, props.expandedIds, props.liveIds, props.graph]);

  const zoomBy = (factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
  const fit = () => cyRef.current && fitReadable(cyRef.current);
  const onKey = (e: React.KeyboardEvent) => {
    const cy = cyRef.current;
    if (!cy) return;
    const pan: Record<string, [number, number]> = { ArrowLeft: [60, 0], ArrowRight: [-60, 0], ArrowUp: [0, 60], ArrowDown: [0, -60] };
    if (e.key === '+' || e.key === '=') zoomBy(1.25);
    else if (e.key === '-') zoomBy(0.8);
    else if (e.key === '0') fit();
    else if (pan[e.key]) cy.panBy({ x: pan[e.key][0], y: pan[e.key][1] });
    else return;
    e.preventDefault();
  };

  return (
    <div className="graph-wrap">
      <div
        ref={container}
        className="graph"
        data-testid="graph"
        data-state={state}
        role="application"
        aria-roledescription="graph"
        aria-label={`${props.label}. Keys: plus and minus zoom, 0 fits, arrows pan; the node list beside it selects nodes.`}
        tabIndex={0}
        onKeyDown={onKey}
      />
      <div className="graph-controls" role="toolbar" aria-label="Graph view">
        <button type="button" onClick={() => zoomBy(1.25)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoomBy(0.8)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={fit} aria-label="Fit the graph to the view">
          Fit
        </button>
      </div>
      {hover && (
        <div className="hover-card" role="tooltip" data-testid="hover-card" style={{ left: hover.x + 14, top: hover.y + 14 }}>
          {hover.text}
        </div>
      )}
    </div>
  );
}
