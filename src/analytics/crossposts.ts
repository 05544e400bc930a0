/**
 * Cross-post detection: the same canonical creator putting the same content on the other
 * platform. Two kinds of evidence:
 *
 * - a link: an X post linking the creator's own TikTok video (ingestion writes it as LINK; here it
 *   becomes a CROSSPOST as long as matching keeps the two accounts on one creator, and goes back to
 *   LINK when a reviewer splits them);
 * - the content itself, when no link joins the posts: the same caption (links, @handles, emoji
 *   and hashtag order aside) on the creator's other account within the window, with the hashtags
 *   and the closeness in time adding to the confidence.
 *
 * Text alone is held to a high bar because creators reuse stock captions ("fit check", "leg day
 * done"): the shorter caption must have at least MIN_WORDS words and be (almost) wholly inside the
 * longer one, and neither caption may be a template, i.e. match another post of its own account or
 * a second candidate within the window. Each post is the cross-post of at most one other.
 *
 * Runs incrementally over the posts just written (ingestion) or the posts of accounts a match just
 * joined or split; every write is idempotent, so running it twice changes nothing.
 */
import { settleLinkCrossposts, writeTextCrossposts, type TextCrosspostRecord } from '../graph/crossposts';
import type { GraphClient } from '../neo4j/graph-client';
import { contentText, jaccard, wordContainment, type ContentText } from './content-text';

export const CROSSPOST_WINDOW_HOURS = 72;
/** Confidence of a link cross-post whose accounts a machine match (not a reviewer) joined. */
export const MACHINE_JOIN_CONFIDENCE = 0.95;
/** Words the shorter caption needs before text alone may say "same content". */
export const MIN_WORDS = 7;
/** Share of the shorter caption's words that must appear in the longer one. */
export const MIN_CONTAINMENT = 0.9;
/** Lowest confidence at which a text-only cross-post is written. */
export const TEXT_CROSSPOST_THRESHOLD = 0.8;
/** Posts per statement. */
const BATCH = 500;

export interface CrosspostCandidate {
  id: string;
  createdAt: Date;
  text: string | null;
  hashtags: string[];
  /** Some AMPLIFIED edge already joins it to the scope post. */
  linked: boolean;
}

export interface CrosspostScope {
  id: string;
  createdAt: Date;
  text: string | null;
  hashtags: string[];
  others: CrosspostCandidate[];
  siblings: string[];
}

export type TextCrosspost = TextCrosspostRecord;

export interface CrosspostResult {
  /** LINK edges that became CROSSPOST, CROSSPOSTs back to LINK, text cross-posts removed. */
  promoted: number;
  demoted: number;
  removed: number;
  /** Text cross-posts created by this call. */
  created: { amplifierId: string; sourceId: string }[];
}

/** Noisy-OR of independent evidence strengths in [0, 1]. */
function combine(strengths: number[]): number {
  return 1 - strengths.reduce((acc, s) => acc * (1 - s), 1);
}

function sameContent(a: ContentText, b: ContentText): number {
  if (Math.min(a.words.length, b.words.length) < MIN_WORDS) return 0;
  const c = wordContainment(a.words, b.words);
  return c >= MIN_CONTAINMENT ? c : 0;
}

/**
 * Scores one pair on its content; null when the text does not make them the same content.
 * Evidence strengths: the caption (up to 0.75), shared hashtags (up to 0.4), closeness in time
 * (up to 0.2, nothing at the window's edge).
 */
export function scoreContentPair(
  a: { createdAt: Date; content: ContentText },
  b: { createdAt: Date; content: ContentText },
  windowHours = CROSSPOST_WINDOW_HOURS,
): { confidence: number; evidence: string[] } | null {
  const text = sameContent(a.content, b.content);
  if (text === 0) return null;
  const evidence = ['TEXT'];
  const strengths = [0.75 * text];
  const tags = jaccard(a.content.hashtags, b.content.hashtags);
  if (tags > 0) {
    evidence.push('HASHTAGS');
    strengths.push(0.4 * tags);
  }
  const lagH = Math.abs(a.createdAt.getTime() - b.createdAt.getTime()) / 3_600_000;
  const near = Math.max(0, 1 - lagH / windowHours);
  if (near > 0) {
    evidence.push('TIME');
    strengths.push(0.2 * near);
  }
  return { confidence: Math.round(combine(strengths) * 1000) / 1000, evidence };
}

/** Text cross-posts among the candidates of each scope post (pure: the rules above). */
export function findTextCrossposts(scopes: CrosspostScope[], windowHours = CROSSPOST_WINDOW_HOURS): TextCrosspost[] {
  const found = new Map<string, TextCrosspost>();
  for (const s of scopes) {
    if (s.others.length === 0) continue;
    const mine = contentText(s.text, s.hashtags);
    // A caption the account uses for several posts in the window is a template, not content.
    if (s.siblings.some((t) => sameContent(mine, contentText(t)) > 0)) continue;
    const others = s.others.map((o) => ({ ...o, content: contentText(o.text, o.hashtags) }));
    const hits = others.filter((o) => sameContent(mine, o.content) > 0);
    if (hits.length !== 1 || hits[0].linked) continue;
    const hit = hits[0];
    // The other side must not be a template of its account either.
    if (others.some((o) => o !== hit && sameContent(hit.content, o.content) > 0)) continue;
    const score = scoreContentPair({ createdAt: s.createdAt, content: mine }, hit, windowHours);
    if (!score || score.confidence < TEXT_CROSSPOST_THRESHOLD) continue;
    const later = hit.createdAt.getTime() >= s.createdAt.getTime();
    const edge = later
      ? { amplifierId: hit.id, sourceId: s.id, ...score }
      : { amplifierId: s.id, sourceId: hit.id, ...score };
    found.set(`${edge.amplifierId}>${edge.sourceId}`, edge);
  }
  // Each post is the cross-post (or the source) of at most one other: keep the most confident.
  const taken = new Set<string>();
  return [...found.values()]
    .sort((x, y) => y.confidence - x.confidence)
    .filter((e) => {
      if (taken.has(e.amplifierId) || taken.has(e.sourceId)) return false;
      taken.add(e.amplifierId).add(e.sourceId);
      return true;
    });
}

/** Settles link cross-posts and finds text ones for the given posts. */
export async function detectCrossposts(
  graph: GraphClient,
  postIds: readonly string[],
  opts: { windowHours?: number } = {},
): Promise<CrosspostResult> {
  const windowHours = opts.windowHours ?? CROSSPOST_WINDOW_HOURS;
  const out: CrosspostResult = { promoted: 0, demoted: 0, removed: 0, created: [] };
  const ids = [...new Set(postIds)];
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const settled = await settleLinkCrossposts(graph, batch, MACHINE_JOIN_CONFIDENCE);
    out.promoted += settled.promote;
    out.demoted += settled.demote;
    out.removed += settled.remove;
    const scopes = await graph.read<CrosspostScope>('analytics/crosspost-candidates', { ids: batch, windowHours, minTokens: MIN_WORDS });
    out.created.push(...(await writeTextCrossposts(graph, findTextCrossposts(scopes, windowHours))));
  }
  return out;
}

/** Cross-posts of everything the given accounts posted: after a match joined or split them. */
export async function detectCrosspostsOfAccounts(graph: GraphClient, accountIds: readonly string[]): Promise<CrosspostResult & { posts: string[] }> {
  const posts = (await graph.read<{ id: string }>('analytics/posts-of-accounts', { ids: [...new Set(accountIds)] })).map((r) => r.id);
  return { ...(await detectCrossposts(graph, posts)), posts };
}
