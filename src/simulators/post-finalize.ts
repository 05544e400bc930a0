/**
 * Finishing the drafts: pinned TikToks and malformed renderings, then final times and ids, the
 * posts as the simulators serve them, and the event truth completed from the final times.
 */
import { postId as graphPostId } from '../graph/model';
import type { Draft, PostDrafts } from './post-drafts';
import type { PostEvents } from './post-events';
import { findHashtags, findMentions } from './text-entities';
import type { GenAccount } from './world-accounts';
import { HOUR_MS, postUrl, type SimPost, type TruthAmplification, type TruthBrandLaunch, type TruthNewsStory, type TruthWave } from './world-model';

export interface PostGenOutput {
  tiktok: SimPost[];
  x: SimPost[];
  amplifications: TruthAmplification[];
  hashtagWaves: TruthWave[];
  newsStories: TruthNewsStory[];
  brandLaunches: TruthBrandLaunch[];
}

export function pinsAndQuirks(g: PostDrafts): void {
  const byAuthor = new Map<GenAccount, Draft[]>();
  for (const d of g.drafts.TIKTOK) {
    const l = byAuthor.get(d.author) ?? [];
    l.push(d);
    byAuthor.set(d.author, l);
  }
  for (const [, list] of byAuthor) {
    if (list.length < 4 || !g.rng.chance(0.25)) continue;
    list.sort((a, b) => a.createdAt - b.createdAt);
    const older = list.slice(0, Math.floor(list.length / 2));
    for (let i = g.rng.int(1, Math.min(3, older.length)); i > 0; i--) g.rng.pick(older).pinned = true;
  }
  const mr = g.input.malformedRate;
  for (const d of g.drafts.TIKTOK) {
    if (g.rng.chance(mr)) d.quirk = g.rng.pick(['nullTitle', 'stringCounts', 'missingStats', 'extraField', 'truncated'] as const);
  }
  for (const d of g.drafts.X) {
    if (g.rng.chance(mr)) d.quirk = g.rng.pick(['stringCounts', 'missingStats', 'extraField', 'truncated'] as const);
  }
}

/** Final times, then ids (both platforms' ids encode the time). */
function assignIds(g: PostDrafts): void {
  const { ids } = g.input;
  for (const p of ['TIKTOK', 'X'] as const) {
    // One author never posts twice in the same millisecond: cursors rely on it.
    const last = new Map<GenAccount, number>();
    const byTime = g.drafts[p].slice().sort((a, b) => b.createdAt - a.createdAt || a.seq - b.seq);
    for (const d of byTime) {
      const prev = last.get(d.author);
      if (prev !== undefined && d.createdAt >= prev) d.createdAt = prev - 1;
      last.set(d.author, d.createdAt);
    }
    byTime.sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
    for (const d of byTime) d.id = p === 'TIKTOK' ? ids.tiktok(d.createdAt) : ids.snowflake(d.createdAt);
  }
}

function simPost(d: Draft): SimPost {
  const urls = d.urls.map((u) => ({
    short: u.short,
    expanded: u.target ? postUrl(u.target.platform, u.target.author.username, u.target.id) : (u.expanded ?? u.short),
  }));
  const text = d.text;
  return {
    platform: d.platform,
    id: d.id,
    authorId: d.author.id,
    createdAt: d.createdAt,
    text,
    hashtags: text ? findHashtags(text).map((h) => h.value) : [],
    mentions: text ? findMentions(text, d.platform).map((m) => m.value) : [],
    urls,
    ref: d.ref ? { type: d.ref.type, id: d.ref.target.id } : null,
    inReplyToUserId: d.ref?.type === 'replied_to' ? d.ref.target.author.id : null,
    metrics: d.metrics,
    pinned: d.pinned,
    lang: d.lang,
    durationSec: d.durationSec,
    quirk: d.quirk,
  };
}

const gid = (d: Draft) => graphPostId(d.platform, d.id);
const iso = (t: number) => new Date(t).toISOString();

/** The event truth from the final times and ids. */
function completeTruth(events: PostEvents): void {
  for (const { truth, x, tt } of events.pendingWaves) {
    const xs = x.length ? Math.min(...x.map((d) => d.createdAt)) : null;
    const ts = tt.length ? Math.min(...tt.map((d) => d.createdAt)) : null;
    truth.xStartAt = xs === null ? null : iso(xs);
    truth.tiktokStartAt = ts === null ? null : iso(ts);
    truth.lagHours = xs !== null && ts !== null ? Math.round(((ts - xs) / HOUR_MS) * 100) / 100 : null;
    // A wave that never reached a side (no eligible poster) is not a spill-over.
    if (truth.spillover === 'BOTH' && (xs === null || ts === null)) truth.spillover = xs === null ? 'TIKTOK_ONLY' : 'X_ONLY';
  }
  for (const { truth, first, other } of events.pendingNews) {
    truth.firstPostId = gid(first);
    truth.startAt = iso(first.createdAt);
    truth.otherPlatformAt = other.length ? iso(Math.min(...other.map((d) => d.createdAt))) : '';
  }
  for (const { truth, x, tt } of events.pendingLaunches) {
    truth.xAt = iso(x.createdAt);
    truth.tiktokAt = iso(tt.createdAt);
    truth.leadHours = Math.round(((tt.createdAt - x.createdAt) / HOUR_MS) * 100) / 100;
    truth.xPostId = gid(x);
    truth.tiktokPostId = gid(tt);
  }
}

export function finalize(g: PostDrafts, events: PostEvents): PostGenOutput {
  assignIds(g);
  completeTruth(events);
  const amplifications: TruthAmplification[] = g.amps.map(({ amp, src, kind }) => ({
    amplifierPostId: gid(amp),
    sourcePostId: gid(src),
    kind,
    lagSeconds: Math.round((amp.createdAt - src.createdAt) / 1000),
  }));
  const newestFirst = (a: SimPost, b: SimPost) => b.createdAt - a.createdAt;
  return {
    tiktok: g.drafts.TIKTOK.map(simPost).sort(newestFirst),
    x: g.drafts.X.map(simPost).sort(newestFirst),
    amplifications,
    hashtagWaves: events.pendingWaves.map((w) => w.truth),
    newsStories: events.pendingNews.map((n) => n.truth),
    brandLaunches: events.pendingLaunches.map((l) => l.truth),
  };
}
