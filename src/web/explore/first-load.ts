/**
 * The canvas's first request, started by the page's small entry script before React and Cytoscape
 * are fetched and compiled (main.tsx). On a cold load the two used to run one after the other: the
 * browser compiled ~800 KiB of JavaScript, React mounted, and only then did the neighbourhood query
 * leave. Now the server works on the query while the browser loads the code.
 *
 * `withFirstLoad` wraps the page's API: the first `neighborhood` (or `competitor`) call with exactly
 * the arguments the URL asked for gets the request already in flight; every other call, and any
 * later one, goes to the API as before. A failed early request is handed over like a successful one
 * (the page shows its error and Retry sends a new request).
 *
 * The request is timed as the `cg-first-load` performance measure, which bench/explorer.ts reads.
 */
import type { ExplorerApi } from './explorer-api';
import { canvasOf, competitorLimit, type ExploreState } from './url-state';

export const FIRST_LOAD_MEASURE = 'cg-first-load';

/** What the canvas of `state` loads first, as a key the page's own call can be matched against. */
export function firstLoadKey(state: ExploreState): string | null {
  const canvas = canvasOf(state);
  if (canvas.kind === 'neighborhood') return neighborhoodKey(canvas.node, state.depth, state.limit);
  if (canvas.kind === 'competitor') return competitorKey(canvas.brand, competitorLimit(state.limit));
  return null;
}

const neighborhoodKey = (id: string, depth: number, limit: number) => JSON.stringify(['neighborhood', id, depth, limit]);
const competitorKey = (brandId: string, limit: number) => JSON.stringify(['competitor', brandId, limit]);

export function withFirstLoad(api: ExplorerApi, state: ExploreState): ExplorerApi {
  const canvas = canvasOf(state);
  const key = firstLoadKey(state);
  let pending: { key: string; promise: Promise<unknown> } | null = null;
  if (key && canvas.kind === 'neighborhood') pending = { key, promise: api.neighborhood(canvas.node, state.depth, state.limit) };
  else if (key && canvas.kind === 'competitor') pending = { key, promise: api.competitor(canvas.brand, competitorLimit(state.limit)) };
  if (pending) {
    const start = performance.now();
    const measure = () => {
      try {
        performance.measure(FIRST_LOAD_MEASURE, { start, end: performance.now() });
      } catch {
        // an old browser without measure options: the figure is for the benchmark only
      }
    };
    // Observed here so an early failure is never reported as unhandled before the page takes it.
    pending.promise.then(measure, measure);
  }
  const take = <T>(k: string, load: () => Promise<T>): Promise<T> => {
    if (pending && pending.key === k) {
      const p = pending.promise as Promise<T>;
      pending = null;
      return p;
    }
    return load();
  };
  return {
    ...api,
    neighborhood: (id, depth, limit) => take(neighborhoodKey(id, depth, limit), () => api.neighborhood(id, depth, limit)),
    competitor: (brandId, limit) => take(competitorKey(brandId, limit), () => api.competitor(brandId, limit)),
  };
}
