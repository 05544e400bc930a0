/**
 * campaignShortlist: creators ranked by weighted combined reach.
 *
 * score = sum over platforms of weight(p) x share(p) x engagementFactor(p) x reach midpoint, where
 * share(p) is the platform's part of the followers, so the reach band (overlap already taken
 * out) is split between the platforms and each part weighted. engagementFactor(p) says how engaged
 * that audience is: the account's recent engagement per post per follower against the platform's
 * typical rate (config/planning.json), clamped to [0.5, 2]; no recent post there counts as the
 * minimum. That is what makes "200k engaged X followers" worth more than 200k idle ones, and why a
 * 400k TikTok + 200k engaged X creator outranks a 600k TikTok-only one when X counts (weight 1) and
 * not when it does not (weight 0).
 *
 * Filters: staleness (last post on any platform within maxStaleDays), hashtag affinity (with
 * hashtags given, at least one recent post carrying one), minCombinedReach (on the band's high
 * end), and match confidence: a creator with a PENDING match (identity unsure) is left out unless
 * includePending; a creator on one platform only is fine.
 */
import type { MatchReason, MatchStatus, Platform } from '../graph/model';
import type { GraphClient } from '../neo4j/graph-client';
import type { PlanningConfig } from './planning-config';
import { combinedReach, type ReachEstimate } from '../graph/reach';

export interface ShortlistRequest {
  minCombinedReach?: number | null;
  weights?: { tiktok?: number | null; x?: number | null } | null;
  hashtags?: string[] | null;
  maxStaleDays?: number | null;
  includePending?: boolean | null;
  first?: number | null;
}

export interface ShortlistRow {
  rank: number;
  creatorId: string;
  score: number;
  reach: ReachEstimate;
  why: string[];
}

interface CandidateAccount {
  platform: Platform;
  username: string;
  usernameLower: string;
  followers: number;
  active: boolean | null;
  lastPostAt: Date | null;
  posts: number;
  engagement: number;
  tagged: number;
}

interface Candidate {
  id: string;
  displayName: string;
  lastPostAt: Date | null;
  accounts: CandidateAccount[];
  matches: { id: string; status: MatchStatus; score: number; reasons: MatchReason[] | null }[];
}

const DAY_MS = 86_400_000;
const count = (n: number) => Math.round(n).toLocaleString('en-US');
export const MAX_FIRST = 500;

export function checkShortlistRequest(r: ShortlistRequest): { field: string; message: string } | null {
  const w = r.weights ?? {};
  for (const [k, v] of Object.entries({ tiktok: w.tiktok, x: w.x })) {
    if (v !== null && v !== undefined && (!Number.isFinite(v) || v < 0 || v > 100)) return { field: `weights.${k}`, message: 'a weight must be 0 to 100' };
  }
  if ((w.tiktok ?? 1) === 0 && (w.x ?? 1) === 0) return { field: 'weights', message: 'at least one weight must be above 0' };
  const stale = r.maxStaleDays ?? 30;
  if (!Number.isInteger(stale) || stale < 1 || stale > 3650) return { field: 'maxStaleDays', message: 'maxStaleDays must be 1 to 3650' };
  const first = r.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) return { field: 'first', message: `first must be 1 to ${MAX_FIRST}` };
  if (r.minCombinedReach !== null && r.minCombinedReach !== undefined && r.minCombinedReach < 0) return { field: 'minCombinedReach', message: 'minCombinedReach must not be negative' };
  if ((r.hashtags ?? []).length > 50) return { field: 'hashtags', message: 'at most 50 hashtags' };
  return null;
}

export async function campaignShortlist(g: GraphClient, r: ShortlistRequest, cfg: PlanningConfig, now: Date): Promise<ShortlistRow[]> {
  const staleDays = r.maxStaleDays ?? 30;
  const tags = [...new Set((r.hashtags ?? []).map((t) => t.trim().replace(/^#+/, '').toLowerCase()).filter(Boolean))];
  const weights: Record<Platform, number> = { TIKTOK: r.weights?.tiktok ?? 1, X: r.weights?.x ?? 1 };
  const cutoff = new Date(now.getTime() - staleDays * DAY_MS).toISOString();
  const candidates = await g.read<Candidate>('analytics/shortlist-candidates', {
    minReach: r.minCombinedReach ?? 0,
    staleCutoff: cutoff,
    recentSince: cutoff,
    tags,
  });
  const scored: Omit<ShortlistRow, 'rank'>[] = [];
  for (const c of candidates) {
    const pending = c.matches.filter((m) => m.status === 'PENDING');
    if (pending.length > 0 && !r.includePending) continue;
    const joining = c.matches.find((m) => m.status === 'AUTO' || m.status === 'MANUAL');
    const reach = combinedReach(c.accounts, (joining?.reasons ?? []) as MatchReason[]);
    const posts = c.accounts.reduce((s, a) => s + a.posts, 0);
    const tagged = c.accounts.reduce((s, a) => s + a.tagged, 0);
    if (tags.length > 0 && tagged === 0) continue;
    const mid = (reach.low + reach.high) / 2;
    const why: string[] = [`reach ${count(reach.low)} to ${count(reach.high)} (${reach.basis.toLowerCase().replace(/_/g, ' ')} overlap ${reach.overlapPctLow}-${reach.overlapPctHigh}%)`];
    let score = 0;
    for (const p of ['TIKTOK', 'X'] as Platform[]) {
      const a = c.accounts.filter((x) => x.platform === p).sort((x, y) => y.followers - x.followers)[0];
      if (!a || reach.naive === 0) continue;
      const share = a.followers / reach.naive;
      const rate = a.posts > 0 && a.followers > 0 ? a.engagement / a.posts / a.followers : 0;
      const { min, max } = cfg.shortlist.engagementFactor;
      const factor = Math.min(max, Math.max(min, rate / cfg.shortlist.typicalEngagementRate[p]));
      score += weights[p] * share * factor * mid;
      why.push(
        `${p === 'X' ? 'X' : 'TikTok'} @${a.username}: ${count(a.followers)} followers, ${Math.round(share * 100)}% of reach, ` +
          (a.posts > 0
            ? `engagement ${(rate * 100).toFixed(2)}% a post (${factor.toFixed(2)}x typical)`
            : `no post in ${staleDays} days (${factor.toFixed(2)}x)`) +
          `, weight ${weights[p]}`,
      );
    }
    if (tags.length > 0) why.push(`affinity: ${tagged} of ${posts} recent posts carry #${tags.join(', #')} (${Math.round((tagged / Math.max(1, posts)) * 100)}%)`);
    const days = c.lastPostAt ? Math.floor((now.getTime() - c.lastPostAt.getTime()) / DAY_MS) : null;
    why.push(days === null ? 'no post seen' : days <= 0 ? 'last post today' : `last post ${days} day${days === 1 ? '' : 's'} ago`);
    why.push(
      joining
        ? `match ${joining.status} (score ${joining.score}: ${(joining.reasons ?? []).join(', ') || 'no reasons'})`
        : pending.length > 0
          ? `match PENDING review (score ${pending[0].score}): accounts counted separately`
          : `single platform (${c.accounts.map((a) => (a.platform === 'X' ? 'X' : 'TikTok')).join(', ')})`,
    );
    scored.push({ creatorId: c.id, score: Math.round(score), reach, why });
  }
  scored.sort((a, b) => b.score - a.score || (a.creatorId < b.creatorId ? -1 : 1));
  return scored.slice(0, r.first ?? 50).map((s, i) => ({ ...s, rank: i + 1 }));
}
