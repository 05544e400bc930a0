/**
 * The real service over a seeded simulated world, ingested through the real lanes (and the
 * matcher and cross-post detector they trigger), for the analytics ground-truth tests.
 */
import type { App } from '../../../src/app';
import type { World } from '../../../src/simulators/world';
import { startSimulatedApp } from '../../support/app';

export interface WorldApp {
  app: App;
  world: World;
  url: string;
}

export async function startWorldApp(seed: number, creators: number): Promise<WorldApp> {
  const app = await startSimulatedApp({ SIM_SEED: String(seed), SIM_CREATORS: String(creators) });
  try {
    await app.ingestion.seedWorld();
    // Match changes revisit cross-posts in the background: wait until that is done too.
    await app.amplifications.idle();
    return { app, world: app.ingestion.demo!.world, url: app.api.url };
  } catch (err) {
    await app.close();
    throw err;
  }
}

/** Precision and recall of found (amplifier>source) edges against true ones, per kind. */
export function scoreEdges(found: Map<string, string>, truth: Map<string, string>, kind: string) {
  const f = [...found].filter(([, k]) => k === kind).map(([e]) => e);
  const t = [...truth].filter(([, k]) => k === kind).map(([e]) => e);
  const tp = f.filter((e) => truth.get(e) === kind).length;
  return {
    kind,
    found: f.length,
    truth: t.length,
    correct: tp,
    precision: f.length === 0 ? 1 : tp / f.length,
    recall: t.length === 0 ? 1 : tp / t.length,
  };
}
