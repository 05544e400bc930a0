/**
 * The simulated world behind `npm start` without provider keys: a seeded world served by the two
 * provider simulators on 127.0.0.1, which the real clients and lanes then ingest like the real
 * providers. A lane whose key is set keeps its configured base URL and is left alone: the world's
 * made-up handles are never sent to a real provider.
 *
 * The simulators' clock starts at the world's "now" and runs with real time, so scheduled runs
 * keep finding new posts for a day (the world writes posts 24 h past its "now"); the lanes use the
 * same clock, so "the last 30 days" means the same thing on both sides of the HTTP connection.
 */
import type { Config } from '../config';
import type { Platform, TrackingTier } from '../graph/model';
import type { Logger } from '../log';
import { DEFAULT_TIKLIVE_KEY, DEFAULT_X_TOKEN, startSimulators, type Simulators } from '../simulators/start';
import { generateWorld, type World } from '../simulators/world';

export interface WorldDemo {
  world: World;
  simulators: Simulators;
  /** Which lanes talk to a simulator. */
  simulated: Record<Platform, boolean>;
  /** The simulated "now" (epoch ms), shared by the simulators and the simulated lanes. */
  clock: () => number;
  /** Provider settings for the simulated lanes, to lay over the configured ones. */
  providers: { tiklive?: { baseUrl: string; key: string }; x?: { baseUrl: string; bearerToken: string } };
  close(): Promise<void>;
}

/** Which lanes the configuration puts on the simulators (SIMULATE=auto: those without a key). */
export function simulatedLanes(config: Config): Record<Platform, boolean> {
  const mode = config.simulation.mode;
  if (mode === 'false') return { TIKTOK: false, X: false };
  if (mode === 'true') return { TIKTOK: true, X: true };
  return { TIKTOK: !config.providers.tiklive.key, X: !config.providers.x.bearerToken };
}

export interface WorldDemoOptions {
  /** Default config.simulation.creators / seed. */
  creators?: number;
  seed?: number;
  /** Simulator settings (tests and the benchmark raise the rate limits). */
  simulatorOptions?: Parameters<typeof startSimulators>[1];
  logger?: Logger;
}

/** Starts the world and its simulators when some lane is simulated; undefined otherwise. */
export async function startWorldDemo(config: Config, opts: WorldDemoOptions = {}): Promise<WorldDemo | undefined> {
  const simulated = simulatedLanes(config);
  if (!simulated.TIKTOK && !simulated.X) return undefined;
  const t0 = Date.now();
  const world = generateWorld({ seed: opts.seed ?? config.simulation.seed, creators: opts.creators ?? config.simulation.creators });
  const started = Date.now();
  const clock = () => world.now + (Date.now() - started);
  const simulators = await startSimulators(world, { clock, logger: opts.logger, ...opts.simulatorOptions });
  opts.logger?.info(
    {
      creators: world.creators.length,
      tiktokAccounts: world.tiktok.accounts.length,
      xAccounts: world.x.accounts.length,
      tiklive: simulated.TIKTOK ? simulators.tiklive.url : 'not used',
      x: simulated.X ? simulators.x.url : 'not used',
      ms: Date.now() - t0,
    },
    'simulated world and provider simulators started',
  );
  return {
    world,
    simulators,
    simulated,
    clock,
    providers: {
      tiklive: simulated.TIKTOK ? { baseUrl: simulators.tiklive.url, key: DEFAULT_TIKLIVE_KEY } : undefined,
      x: simulated.X ? { baseUrl: simulators.x.url, bearerToken: DEFAULT_X_TOKEN } : undefined,
    },
    close: () => simulators.close(),
  };
}

/**
 * The world's accounts as tracking requests on the simulated lanes, tiered by reach like an
 * operator would: the top 5 % of creators TIER1, the next 15 % ACTIVE, the rest LONG_TAIL.
 */
export function worldHandles(
  world: World,
  simulated: Record<Platform, boolean>,
): { platform: Platform; username: string; tier: TrackingTier }[] {
  const reach = (c: World['creators'][number]) => (c.tiktok?.followers ?? 0) + (c.x?.followers ?? 0);
  const ranked = [...world.creators].sort((a, b) => reach(b) - reach(a) || a.key.localeCompare(b.key));
  const out: { platform: Platform; username: string; tier: TrackingTier }[] = [];
  ranked.forEach((c, i) => {
    const share = i / ranked.length;
    const tier: TrackingTier = share < 0.05 ? 'TIER1' : share < 0.2 ? 'ACTIVE' : 'LONG_TAIL';
    if (c.tiktok && simulated.TIKTOK) out.push({ platform: 'TIKTOK', username: c.tiktok.username, tier });
    if (c.x && simulated.X) out.push({ platform: 'X', username: c.x.username, tier });
  });
  return out;
}

/**
 * The world's brands as the demo stores them: each owns its accounts on the simulated lanes. The
 * first brand plays the user's own brand (competitor false); the others are its competitors.
 */
export function worldBrands(
  world: World,
  simulated: Record<Platform, boolean>,
): { name: string; competitor: boolean; accountIds: string[] }[] {
  return world.truth.brands.map((b, i) => ({
    name: b.name,
    competitor: i > 0,
    accountIds: [
      ...(simulated.TIKTOK ? [`tiktok:${b.tiktokUserId}`] : []),
      ...(simulated.X ? [`x:${b.xUserId}`] : []),
    ],
  }));
}
