/**
 * The two lanes side by side: TikTok over TikLiveAPI and X over X API v2, each with its own queue,
 * worker, client, limiter and (TikTok) credit budget. Only the graph is shared.
 *
 * In process by default; with a Redis URL the queues are BullMQ queues, so any number of worker
 * processes share each lane's jobs. A lane without credentials still exists (it reports DISABLED)
 * but gets no queue backend, so it never touches Redis.
 */
import type { Platform } from '../graph/model';
import type { Logger } from '../log';
import { silentLogger } from '../log';
import type { ProviderClients } from '../providers';
import { Lane, type GateState, type LaneStatusSnapshot, type PlatformSync } from './lane';
import { createBullQueue } from './lane-queue';

export interface LanesOptions {
  clients: ProviderClients;
  /** The pipeline's sync functions bound to each platform. */
  sync: Record<Platform, PlatformSync>;
  /** BullMQ queues in Redis when set. Default: in process. */
  redisUrl?: string;
  /** Redis key prefix of the queues. Default "creator-graph". */
  keyPrefix?: string;
  /** Jobs each lane runs at once in this process. Default 2. */
  concurrency?: number;
  /**
   * With Redis: whether this process runs jobs (default true) or only enqueues them and waits for
   * the results other processes' workers produce. In process, jobs always run here.
   */
  work?: boolean;
  /** With Redis: BullMQ job lock and stalled-job check periods (see BullQueueOptions). Default 30 s each. */
  lockMs?: number;
  stalledCheckMs?: number;
  /** Pause after budget errors with no known reopening time (X usage cap). Default 15 min. */
  budgetPauseMs?: number;
  /** Longest wait between two looks at a closed budget. Default 60 s. */
  recheckMs?: number;
  logger?: Logger;
}

export interface Lanes {
  tiktok: Lane;
  x: Lane;
  get(platform: Platform): Lane;
  /** Both lanes' health, TikTok first. */
  status(): Promise<LaneStatusSnapshot[]>;
  close(): Promise<void>;
}

/** TikLiveAPI's monthly credits as a gate: closed until the budget (or the provider's balance) reopens. */
export function tikliveGate(clients: ProviderClients): () => Promise<GateState> {
  return async () => {
    const b = await clients.tikliveBudget.status();
    if (!b.exhausted) return { open: true };
    const until = b.providerExhaustedUntil ?? b.resetsAt;
    const why = b.providerExhaustedUntil
      ? 'the provider reported no credit balance'
      : `monthly credit budget exhausted (${b.used}/${b.limit} credits)`;
    return { open: false, until, reason: `QUOTA: ${why}; paused until ${until.toISOString()}` };
  };
}

export function createLanes(opts: LanesOptions): Lanes {
  const logger = opts.logger ?? silentLogger;
  const concurrency = opts.concurrency ?? 2;
  const make = (platform: Platform, provider: string, configured: boolean, extra: { gate?: () => Promise<GateState> }) => {
    const name = platform.toLowerCase();
    return new Lane({
      platform,
      provider,
      sync: opts.sync[platform],
      clientStatus: async () => (await opts.clients.status())[platform === 'TIKTOK' ? 'tiklive' : 'x'],
      concurrency,
      budgetPauseMs: opts.budgetPauseMs,
      recheckMs: opts.recheckMs,
      logger,
      gate: extra.gate,
      queue:
        opts.redisUrl && configured
          ? (processor) =>
              createBullQueue({
                name,
                concurrency,
                processor,
                redisUrl: opts.redisUrl!,
                prefix: opts.keyPrefix,
                work: opts.work,
                lockMs: opts.lockMs,
                stalledCheckMs: opts.stalledCheckMs,
              })
          : undefined,
    });
  };
  const tiktok = make('TIKTOK', 'tikliveapi', opts.clients.tiklive.configured, { gate: tikliveGate(opts.clients) });
  const x = make('X', 'x-api-v2', opts.clients.x.configured, {});
  return {
    tiktok,
    x,
    get: (p) => (p === 'TIKTOK' ? tiktok : x),
    status: () => Promise.all([tiktok.status(), x.status()]),
    close: async () => {
      await Promise.all([tiktok.close(), x.close()]);
    },
  };
}
