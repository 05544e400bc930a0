/**
 * Ingestion as the app, the CLI, the benchmark and the tests start it: the simulated world and its
 * provider simulators first (when some lane has no key), then the ingestion runtime with those
 * lanes redirected to the simulators, and trackCreator's link wired to the matcher's. The world
 * and the matcher live above ingestion, so ingest/ imports neither simulators/ nor matching/.
 */
import type { Config } from '../config';
import { startIngestion, type IngestRuntime, type IngestRuntimeOptions } from '../ingest/runtime';
import type { TrackingService } from '../ingest/tracking';
import { upsertBrand } from '../graph/brands';
import type { MatchEventBus } from '../matching/events';
import { linkAccounts, ReviewError } from '../matching/review';
import { startWorldDemo, worldBrands, worldHandles, type WorldDemo, type WorldDemoOptions } from './world-demo';

export interface SeededIngestion extends IngestRuntime {
  /** Set when some lane talks to a simulator. */
  demo?: WorldDemo;
  /** Tracks the simulated world's accounts and backfills them, then stores its brands (the demo's seed). */
  seedWorld(opts?: Parameters<TrackingService['trackMany']>[1]): Promise<Awaited<ReturnType<TrackingService['trackMany']>>>;
}

export interface SeededIngestionOptions extends Omit<IngestRuntimeOptions, 'redirect' | 'link'> {
  /** Where trackCreator's links are announced (matchChanged). */
  bus: MatchEventBus;
  /** Simulated world overrides (tests, the benchmark). */
  world?: WorldDemoOptions;
}

export async function startSeededIngestion(config: Config, opts: SeededIngestionOptions): Promise<SeededIngestion> {
  const { world, bus, ...rest } = opts;
  const demo = await startWorldDemo(config, { logger: opts.logger.child({ part: 'ingest' }), ...world });
  let runtime: IngestRuntime;
  try {
    runtime = await startIngestion(config, {
      ...rest,
      redirect: demo,
      // trackCreator links a creator's two handles the way a reviewer would.
      link: async (accountIds, actor, note) => {
        try {
          await linkAccounts({ graph: opts.graph, bus, actor }, accountIds, note);
          return undefined;
        } catch (err) {
          if (err instanceof ReviewError) return { code: err.code, message: err.message };
          throw err;
        }
      },
    });
  } catch (err) {
    await demo?.close();
    throw err;
  }
  return {
    ...runtime,
    demo,
    seedWorld: async (o) => {
      if (!demo) throw new Error('no simulated world: every lane has a provider key (or SIMULATE=false)');
      const res = await runtime.tracking.trackMany(worldHandles(demo.world, demo.simulated), o);
      // The brands own accounts the tracking above stored; a brand whose accounts failed to load owns fewer.
      for (const b of worldBrands(demo.world, demo.simulated)) await upsertBrand(opts.graph, b);
      return res;
    },
    close: async () => {
      await runtime.close();
      // The simulators stop after the lanes, as they did when ingestion owned them.
      await demo?.close().catch((err: unknown) => opts.logger.error({ err, step: 'simulators' }, 'ingest shutdown step failed'));
    },
  };
}
