/**
 * A local X API v2 (docs/providers.md, part X) serving the simulated world: user lookups
 * (x-users.ts), user timelines and recent search (x-timelines.ts) with field selection and
 * expansions (x-view.ts), partial errors at HTTP 200, 400 invalid-request problems (x-request.ts),
 * bearer auth, and per-endpoint 15-minute rate-limit windows with x-rate-limit-* headers (here).
 */
import type { SimRequest, SimResponse, CommonSimulatorOptions, SimulatorHandle, SimulatorMode } from './sim-http';
import { WindowCounter, resolveClock, serveSimulator } from './sim-http';
import { DEFAULT_X_RATE_LIMITS, type XEndpoint } from './x-fields';
import { InvalidRequest, blankProblem, usageCappedProblem } from './x-format';
import { ALLOWED_PARAMS, route } from './x-request';
import { search, timeline } from './x-timelines';
import { lookupUsers } from './x-users';
import { XView } from './x-view';
import type { World } from './world-model';

export const DEFAULT_X_TOKEN = 'x-sim-bearer-token';

export interface XSimulatorOptions extends CommonSimulatorOptions {
  /** Accepted bearer tokens. Default [DEFAULT_X_TOKEN]. */
  bearerTokens?: string[];
  /** Per-endpoint limits per window. Default DEFAULT_X_RATE_LIMITS (docs/providers.md X.6). */
  rateLimit?: Partial<Record<XEndpoint, number>>;
  /** Rate-limit window length in ms. Default 15 minutes. */
  rateLimitWindowMs?: number;
}

export async function startXSimulator(world: World, opts: XSimulatorOptions = {}): Promise<SimulatorHandle> {
  const clock = resolveClock(world, opts);
  const tokens = new Set(opts.bearerTokens ?? [DEFAULT_X_TOKEN]);
  const limits: Record<XEndpoint, number> = { ...DEFAULT_X_RATE_LIMITS, ...opts.rateLimit };
  const windows = new WindowCounter(opts.rateLimitWindowMs ?? 15 * 60_000, opts.wallClock ?? Date.now);
  const view = new XView(world);

  return serveSimulator('x', world, opts, (mode: SimulatorMode) => ({
    endpointOf: (req: SimRequest) => route(req.path)?.endpoint,
    failure: (status: number) => ({ status, body: blankProblem(status), contentType: 'application/problem+json' }),
    handle(req: SimRequest): SimResponse {
      const auth = req.headers.authorization;
      const token = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7) : null;
      if (!token || !tokens.has(token)) return { status: 401, body: blankProblem(401), contentType: 'application/problem+json' };
      const r = route(req.path);
      if (!r || req.method !== 'GET') return { status: 404, body: blankProblem(404), contentType: 'application/problem+json' };
      if (mode.usageCapped) return { status: 429, body: usageCappedProblem(), contentType: 'application/problem+json' };
      const w = windows.take(`${token}|${r.endpoint}`, limits[r.endpoint]);
      const headers = {
        'x-rate-limit-limit': String(limits[r.endpoint]),
        'x-rate-limit-remaining': String(w.remaining),
        'x-rate-limit-reset': String(Math.ceil(w.resetAt / 1000)),
      };
      if (!w.allowed) return { status: 429, headers, body: blankProblem(429), contentType: 'application/problem+json' };
      const now = clock();
      try {
        for (const name of req.query.keys()) {
          if (!ALLOWED_PARAMS[r.endpoint].includes(name)) {
            throw new InvalidRequest(name, req.query.get(name) ?? '', `The query parameter [${name}] is not one of [${ALLOWED_PARAMS[r.endpoint].join(',')}]`);
          }
        }
        let out: SimResponse;
        if (r.endpoint === 'GET /2/users/:id/tweets') out = timeline(view, r, req.query, now);
        else if (r.endpoint === 'GET /2/tweets/search/recent') out = search(view, req.query, now);
        else out = lookupUsers(view, r, req.query, now);
        return { ...out, headers };
      } catch (err) {
        if (err instanceof InvalidRequest) return { status: 400, headers, body: err.body(), contentType: 'application/problem+json' };
        throw err;
      }
    },
  }));
}
