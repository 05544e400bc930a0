/**
 * Subscription transport. In process by default; with REDIS_URL, events go through Redis pub/sub
 * so every API replica's subscribers see a match changed (or an amplification detected) on any replica.
 */
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from '@graphql-yoga/subscription';
import Redis from 'ioredis';
import { setMaxListeners } from 'node:events';
import type { AmplificationEvent } from '../analytics/amplification-watch';
import type { TrendSpikeEvent } from '../analytics/live-spikes';
import type { MatchEventBus, MatchEventPayload } from '../matching/events';

export const MATCH_CHANGED = 'MATCH_CHANGED';
export const AMPLIFICATION_DETECTED = 'AMPLIFICATION_DETECTED';
export const TREND_SPIKE = 'TREND_SPIKE';

/** Every topic and its payload. */
export type Topics = {
  [MATCH_CHANGED]: [MatchEventPayload];
  [AMPLIFICATION_DETECTED]: [AmplificationEvent];
  [TREND_SPIKE]: [TrendSpikeEvent];
};

export type PubSub = ReturnType<typeof createPubSub<Topics>>;

export interface PubSubHandle {
  pubSub: PubSub;
  bus: MatchEventBus;
  /** Announces new AMPLIFIED edges (Subscription.amplificationDetected). */
  publishAmplifications(events: AmplificationEvent[]): void;
  close(): Promise<void>;
}

export function createPubSubHandle(redisUrl?: string): PubSubHandle {
  if (!redisUrl) {
    // One listener per live subscription: Node's default of 10 would warn of a leak at the 11th.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    const pubSub = createPubSub<Topics>({ eventTarget });
    return { pubSub, bus: busFor(pubSub), publishAmplifications: amplificationsFor(pubSub), close: async () => undefined };
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false });
  const pubSub = createPubSub<Topics>({
    eventTarget: createRedisEventTarget({ publishClient, subscribeClient }),
  });
  return {
    pubSub,
    bus: busFor(pubSub),
    publishAmplifications: amplificationsFor(pubSub),
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

function busFor(pubSub: PubSub): MatchEventBus {
  return { publishMatchEvent: (e) => pubSub.publish(MATCH_CHANGED, e) };
}

function amplificationsFor(pubSub: PubSub): (events: AmplificationEvent[]) => void {
  return (events) => {
    for (const e of events) pubSub.publish(AMPLIFICATION_DETECTED, e);
  };
}
