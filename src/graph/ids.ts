/** Our own identifiers: canonical creator ids and match ids. */
import { randomUUID } from 'node:crypto';

/** A new canonical creator id. Random, never derived from a platform id: it must outlive both accounts. */
export function newCreatorId(): string {
  return `cr_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

/** A match is identified by its two accounts, TikTok first, so the same pair always has the same id. */
export function matchId(tiktokAccountId: string, xAccountId: string): string {
  return `match:${tiktokAccountId}~${xAccountId}`;
}

export function parseMatchId(id: string): { tiktokAccountId: string; xAccountId: string } | undefined {
  const m = /^match:(tiktok:[^~]+)~(x:.+)$/.exec(id);
  return m ? { tiktokAccountId: m[1], xAccountId: m[2] } : undefined;
}
