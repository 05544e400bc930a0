/**
 * Keeps cross-posts true as the graph changes and announces new AMPLIFIED edges. Two triggers,
 * wired at the composition root (src/app.ts) so ingestion and matching stay unaware of analytics:
 *
 * - postsWritten: after ingestion writes a batch of posts (and their edges), detect cross-posts
 *   among them, then announce every edge touching them that nobody has announced yet;
 * - accountsRejoined: after a match joined or split two accounts, revisit their posts. These are
 *   queued and run one batch at a time in the background (a full matching run changes thousands
 *   of matches at once); idle() resolves when the queue is empty.
 *
 * Publishing is a callback (the API's pub/sub), so this module never imports api/.
 */
import type { Logger } from '../log';
import type { GraphClient } from '../neo4j/graph-client';
import { claimNewAmplifications, type AnnouncedAmplification } from '../graph/crossposts';
import { parseMatchId } from '../graph/ids';
import type { MatchEventBus } from '../matching/events';
import { detectCrossposts, detectCrosspostsOfAccounts } from './crossposts';

/** A new AMPLIFIED edge, as announced (Subscription.amplificationDetected). */
export type AmplificationEvent = AnnouncedAmplification;

export interface AmplificationWatch {
  postsWritten(postIds: string[]): Promise<void>;
  accountsRejoined(accountIds: string[]): void;
  /** Resolves once every queued account has been revisited. */
  idle(): Promise<void>;
}

export function watchAmplifications(
  graph: GraphClient,
  publish: (events: AmplificationEvent[]) => void,
  logger: Logger,
): AmplificationWatch {
  const queued = new Set<string>();
  let running: Promise<void> | undefined;

  const announce = async (postIds: string[]) => {
    const events = await claimNewAmplifications(graph, postIds);
    if (events.length > 0) publish(events);
  };

  const drain = async (): Promise<void> => {
    while (queued.size > 0) {
      const accounts = [...queued];
      queued.clear();
      try {
        const r = await detectCrosspostsOfAccounts(graph, accounts);
        await announce(r.created.flatMap((e) => [e.amplifierId, e.sourceId]));
      } catch (err) {
        logger.warn({ err, accounts: accounts.length }, 'cross-post update after a match change failed');
      }
    }
  };

  const start = () => {
    running ??= drain().finally(() => {
      running = undefined;
      // Accounts queued between the loop's last check and here start a new round.
      if (queued.size > 0) start();
    });
  };

  return {
    async postsWritten(postIds) {
      if (postIds.length === 0) return;
      await detectCrossposts(graph, postIds);
      await announce(postIds);
    },
    accountsRejoined(accountIds) {
      for (const id of accountIds) queued.add(id);
      start();
    },
    async idle() {
      while (running) await running;
    },
  };
}

/**
 * A match event bus that also has the watch revisit the cross-posts of each event's two accounts,
 * and of the accounts the full run re-joins silently (accountsRejoined). Matching publishes events
 * once creators are merged or split, so the accounts are settled by then.
 */
export function rejoiningBus(bus: MatchEventBus, watch: AmplificationWatch): MatchEventBus {
  return {
    publishMatchEvent: (e) => {
      bus.publishMatchEvent(e);
      const pair = parseMatchId(e.matchId);
      if (pair) watch.accountsRejoined([pair.tiktokAccountId, pair.xAccountId]);
    },
    accountsRejoined: (accountIds) => {
      bus.accountsRejoined?.(accountIds);
      watch.accountsRejoined(accountIds);
    },
  };
}
