/**
 * The review queue as the desk holds it: PENDING matches, strongest first. Pure functions over
 * immutable values so React state stays a value and the rules are unit tested without a browser.
 *
 * The subscription opens while the first query is in flight, and a reviewer's own decision comes
 * back both as the mutation result and as an event, so updates can arrive twice or out of order.
 * Every update is therefore keyed by match id and only a state at least as new (`updatedAt`) as
 * the newest one seen for that id is applied; the newest stamp is remembered even after a match
 * leaves the queue, so a late, stale PENDING event cannot bring a decided match back.
 */
import { QUEUE_SIZE, type ReviewAccount, type ReviewMatch } from './documents';

export interface QueueState {
  /** PENDING matches in display order. */
  readonly matches: readonly ReviewMatch[];
  /** Newest `updatedAt` seen per match id, including matches no longer shown. */
  readonly newest: Readonly<Record<string, string>>;
}

export const EMPTY_QUEUE: QueueState = { matches: [], newest: {} };

/** Same order as `Query.reviewQueue`: score descending, then id for a stable order. */
export function compareMatches(a: ReviewMatch, b: ReviewMatch): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Applies one known state of a match: kept (inserted or replaced) while PENDING, dropped otherwise.
 * A state older than the newest seen is ignored. `limit` caps the list (the desk shows one page).
 */
export function applyMatch(state: QueueState, match: ReviewMatch, limit = Infinity): QueueState {
  const seen = state.newest[match.id];
  // ISO-8601 UTC strings in one format compare correctly as text; an equal stamp is applied again.
  if (seen !== undefined && match.updatedAt < seen) return state;
  const rest = state.matches.filter((m) => m.id !== match.id);
  const matches = match.status === 'PENDING' ? [...rest, match].sort(compareMatches).slice(0, limit) : rest;
  return { matches, newest: { ...state.newest, [match.id]: match.updatedAt } };
}

/** Applies a page of matches, e.g. the `reviewQueue` result. */
export function applyMatches(state: QueueState, matches: readonly ReviewMatch[], limit = Infinity): QueueState {
  return matches.reduce((s, m) => applyMatch(s, m, limit), state);
}

/** The two accounts in a fixed order: TikTok on the left, X on the right. */
export function sideBySide(match: ReviewMatch): { tiktok?: ReviewAccount; x?: ReviewAccount } {
  return {
    tiktok: match.accounts.find((a) => a.platform === 'TIKTOK'),
    x: match.accounts.find((a) => a.platform === 'X'),
  };
}

export interface DeskState {
  queue: QueueState;
  /** Pending matches in all (the page shows at most QUEUE_SIZE); null until the first load. */
  totalCount: number | null;
  /** Ids changed by events since the current load started: their held state outlives the load. */
  changedSinceLoad: readonly string[];
}

export const EMPTY_DESK: DeskState = { queue: EMPTY_QUEUE, totalCount: null, changedSinceLoad: [] };

export type DeskAction =
  | { type: 'loadStarted' }
  | { type: 'loaded'; matches: readonly ReviewMatch[]; totalCount: number }
  | { type: 'match'; match: ReviewMatch };

/**
 * The desk's whole list state: the queue and the pending count kept in step with it.
 * A load replaces the list (so a match whose removal was missed while offline goes away), except
 * for matches that events changed while the load was in flight: those keep their newer state.
 */
export function deskReducer(state: DeskState, action: DeskAction): DeskState {
  switch (action.type) {
    case 'loadStarted':
      return { ...state, changedSinceLoad: [] };
    case 'loaded': {
      let queue = applyMatches({ matches: [], newest: state.queue.newest }, action.matches, QUEUE_SIZE);
      for (const held of state.queue.matches) {
        if (state.changedSinceLoad.includes(held.id)) queue = applyMatch(queue, held, QUEUE_SIZE);
      }
      return { queue, totalCount: action.totalCount, changedSinceLoad: [] };
    }
    case 'match': {
      const wasShown = state.queue.matches.some((m) => m.id === action.match.id);
      const queue = applyMatch(state.queue, action.match, QUEUE_SIZE);
      const isShown = queue.matches.some((m) => m.id === action.match.id);
      const delta = wasShown === isShown ? 0 : isShown ? 1 : -1;
      const totalCount = state.totalCount === null ? null : Math.max(0, state.totalCount + delta);
      const changedSinceLoad = state.changedSinceLoad.includes(action.match.id)
        ? state.changedSinceLoad
        : [...state.changedSinceLoad, action.match.id];
      return { queue, totalCount, changedSinceLoad };
    }
  }
}
