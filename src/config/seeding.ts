/** What the app loads at start on an empty graph: the sample fixture, or the simulated world. */
import { z } from 'zod';
import { bool, int } from './fields';

export const SeedingEnv = z.object({
  /** Load the sample fixture (or the simulated world) at start when the graph is empty. */
  SEED_ON_START: bool.default(true),
  /**
   * Provider simulators: `auto` starts them when a provider key is unset (that lane then talks to
   * its simulator, and the simulated world is tracked on an empty graph); `true` always, `false` never.
   */
  SIMULATE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** How many creators the simulated world holds when the simulators run. */
  SIM_CREATORS: int(10).default(300),
  SIM_SEED: int(0).default(42),
});

export interface SimulationConfig {
  mode: 'auto' | 'true' | 'false';
  creators: number;
  seed: number;
}

export const simulationConfig = (e: z.infer<typeof SeedingEnv>): SimulationConfig => ({
  mode: e.SIMULATE,
  creators: e.SIM_CREATORS,
  seed: e.SIM_SEED,
});
