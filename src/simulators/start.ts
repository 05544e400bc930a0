/**
 * Starts both provider simulators over one world: what `npm start` uses when no provider keys are
 * configured. Clients then talk to `tiklive.url` with DEFAULT_TIKLIVE_KEY and to `x.url` with
 * DEFAULT_X_TOKEN.
 */
import type { CommonSimulatorOptions, SimulatorHandle } from './sim-http';
import { startTikLiveSimulator, type TikLiveSimulatorOptions } from './tiklive-server';
import type { World } from './world-model';
import { startXSimulator, type XSimulatorOptions } from './x-server';

export { DEFAULT_TIKLIVE_KEY } from './tiklive-server';
export { DEFAULT_X_TOKEN } from './x-server';

export interface StartSimulatorsOptions extends CommonSimulatorOptions {
  /** TikLive-only options, merged over the common ones. Ports default to 0 for both. */
  tiklive?: TikLiveSimulatorOptions;
  x?: XSimulatorOptions;
}

export interface Simulators {
  tiklive: SimulatorHandle;
  x: SimulatorHandle;
  close(): Promise<void>;
}

export async function startSimulators(world: World, opts: StartSimulatorsOptions = {}): Promise<Simulators> {
  const { tiklive: tOpts, x: xOpts, port: _port, ...common } = opts;
  const tiklive = await startTikLiveSimulator(world, { ...common, ...tOpts });
  let x: SimulatorHandle;
  try {
    x = await startXSimulator(world, { ...common, ...xOpts });
  } catch (err) {
    await tiklive.close();
    throw err;
  }
  return {
    tiklive,
    x,
    close: async () => {
      await Promise.all([tiklive.close(), x.close()]);
    },
  };
}
