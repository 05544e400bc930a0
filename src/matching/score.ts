/**
 * Scores one TikTok account against one X account. Every compared signal becomes an evidence
 * item (what was compared, both raw and normalised values, the reason if it matched, the points
 * it added), in the manner of Splink's match-weight chart; the score is the sum of the points,
 * clamped to 0..100, so a reviewer can always see why a pair scored what it did.
 */

import type { MatchReason, Platform } from '../graph/model';
import type { AccountKept, AccountProps } from '../graph/shapes';
import { exactHandle, normalizeHandle } from '../graph/handle-key';
import { bioHandles, describeLink, normalizeName, type LinkFacts } from './normalize';
import { resolveMatchOptions, type MatchOptions, type MatchOptionsInput } from './options';

/** What matching needs of an account; an AccountRecord plus its graph id fits. */
/** The account fields the matcher compares (the Account shape's, graph/shapes.ts); id "tiktok:<id>" / "x:<id>". */
export type MatchableAccount = Pick<AccountKept, 'id'> &
  Pick<AccountProps, 'platform' | 'username'> &
  Partial<Pick<AccountProps, 'displayName' | 'bio' | 'bioLink'>>;

/** What an evidence item compared (the contract's MatchEvidence.signal). */
export type EvidenceSignal = 'BIO_LINK' | 'USERNAME' | 'DISPLAY_NAME' | 'BIO_TEXT';

/** One platform's side of a compared signal (the contract's PlatformValue). */
export interface PlatformValue {
  platform: Platform;
  /** As the provider returned it. */
  raw: string | null;
  /** As compared, after normalisation. */
  normalized: string | null;
}

/** One compared signal and what it contributed (the contract's MatchEvidence). */
export interface MatchEvidence {
  signal: EvidenceSignal;
  reason?: MatchReason;
  values: PlatformValue[];
  /** Points added to the score; negative for a penalty. */
  points: number;
}

export type MatchDecision = 'AUTO' | 'PENDING' | 'NONE';

export interface ScoredPair {
  tiktokId: string;
  xId: string;
  /** Sum of the evidence points, clamped to 0..100. */
  score: number;
  /** Distinct reasons of the evidence, in evidence order. */
  reasons: MatchReason[];
  evidence: MatchEvidence[];
  decision: MatchDecision;
}

/** Facts about the whole population that one pair cannot know. */
export interface ScoreContext {
  /**
   * How many accounts (both platforms) hold this normalised handle; from the blocking index
   * (`BlockingIndex.handleCount`). Absent: only length and the word list decide commonness.
   */
  handleCount?: (normalizedHandle: string) => number;
}

/** Thrown when a pair is not one TikTok account and one X account. */
export class MatchInputError extends Error {
  override readonly name = 'MatchInputError';
}

const resolved = new WeakMap<object, MatchOptions>();

/** Resolves options once per options object, so scoring many pairs does not re-validate. */
export function cachedOptions(opts: MatchOptionsInput | MatchOptions | undefined): MatchOptions {
  if (!opts) return resolveMatchOptions();
  let r = resolved.get(opts);
  if (!r) {
    r = resolveMatchOptions(opts);
    resolved.set(opts, r);
    resolved.set(r, r);
  }
  return r;
}

function value(platform: Platform, raw: string | null | undefined, normalized: string | null | undefined): PlatformValue {
  return { platform, raw: raw ?? null, normalized: normalized === undefined || normalized === '' ? null : normalized };
}

/** True when equality of this normalised handle is weak evidence. */
export function isCommonHandle(normalized: string, opts: MatchOptions, ctx: ScoreContext = {}): boolean {
  const c = opts.commonHandle;
  if (normalized.length <= c.maxShortLength) return true;
  if (c.words.has(normalized)) return true;
  return (ctx.handleCount?.(normalized) ?? 0) >= c.minSharedAccounts;
}

/** A side of the pair with its bio link parsed once. */
interface Side {
  account: MatchableAccount;
  link: LinkFacts | undefined;
}

/** What scoring derives from one account, computed once per account rather than once per pair. */
interface Features {
  username: string;
  displayName: string | null | undefined;
  bio: string | null | undefined;
  bioLink: string | null | undefined;
  link: LinkFacts | undefined;
  exact: string;
  norm: string;
  name: string;
  written: Record<Platform, string[]>;
}

const featureCache = new WeakMap<MatchableAccount, Features>();

/**
 * The account's derived values, memoised per account object: a full run scores each account
 * against several candidates, and Unicode folding, URL parsing and bio scanning dominate the
 * cost of a pair. The cache entry is checked against the fields it came from, so an account
 * object edited in place is recomputed rather than served stale.
 */
function features(a: MatchableAccount): Features {
  const f = featureCache.get(a);
  if (f && f.username === a.username && f.displayName === a.displayName && f.bio === a.bio && f.bioLink === a.bioLink) return f;
  const fresh: Features = {
    username: a.username,
    displayName: a.displayName,
    bio: a.bio,
    bioLink: a.bioLink,
    link: describeLink(a.bioLink),
    exact: exactHandle(a.username),
    norm: normalizeHandle(a.username),
    name: normalizeName(a.displayName),
    written: bioHandles(a.bio),
  };
  featureCache.set(a, fresh);
  return fresh;
}

function bioLinkEvidence(ts: Side, xs: Side, opts: MatchOptions): MatchEvidence | undefined {
  const t = ts.account;
  const x = xs.account;
  if (!t.bioLink && !x.bioLink) return undefined;
  const tLink = ts.link?.identifying;
  const xLink = xs.link?.identifying;
  if (tLink !== undefined && tLink === xLink) {
    return {
      signal: 'BIO_LINK',
      reason: 'BIOLINK_EXACT',
      values: [value('TIKTOK', t.bioLink, tLink), value('X', x.bioLink, xLink)],
      points: Math.round(opts.weights.bioLink),
    };
  }
  const tDomain = ts.link?.domain;
  const xDomain = xs.link?.domain;
  if (tDomain !== undefined && tDomain === xDomain && !ts.link!.sharedHost && !xs.link!.sharedHost) {
    return {
      signal: 'BIO_LINK',
      reason: 'BIOLINK_DOMAIN',
      values: [value('TIKTOK', t.bioLink, tDomain), value('X', x.bioLink, xDomain)],
      points: Math.round(opts.weights.bioDomain),
    };
  }
  return {
    signal: 'BIO_LINK',
    values: [value('TIKTOK', t.bioLink, ts.link?.canonical), value('X', x.bioLink, xs.link?.canonical)],
    points: 0,
  };
}

/**
 * Evidence that `from` points at `to` directly: its bio link is `to`'s profile URL, or its bio
 * names `to`'s handle. One direction earns the points once; a second hit in the same direction is
 * listed with 0 points, because it repeats the same claim.
 */
function profileLinkEvidence(fromSide: Side, to: MatchableAccount, opts: MatchOptions): MatchEvidence[] {
  const from = fromSide.account;
  const out: MatchEvidence[] = [];
  const toHandle = features(to).exact;
  let awarded = false;
  const award = (): number => {
    if (awarded) return 0;
    awarded = true;
    return Math.round(opts.weights.bioLink);
  };
  const target = fromSide.link?.profile;
  if (target && target.platform === to.platform) {
    const hit = target.username === toHandle;
    out.push({
      signal: 'BIO_LINK',
      ...(hit ? { reason: 'PROFILE_LINK' as const } : {}),
      values: [value(from.platform, from.bioLink, target.username), value(to.platform, to.username, toHandle)],
      points: hit ? award() : 0,
    });
  }
  const written = features(from).written[to.platform];
  if (written.length > 0) {
    const hit = written.includes(toHandle);
    out.push({
      signal: 'BIO_TEXT',
      ...(hit ? { reason: 'PROFILE_LINK' as const } : {}),
      values: [value(from.platform, from.bio, written.join(' ')), value(to.platform, to.username, toHandle)],
      points: hit ? award() : 0,
    });
  }
  return out;
}

function usernameEvidence(t: MatchableAccount, x: MatchableAccount, opts: MatchOptions, ctx: ScoreContext): MatchEvidence[] {
  const tf = features(t);
  const xf = features(x);
  const tExact = tf.exact;
  const xExact = xf.exact;
  const tNorm = tf.norm;
  const xNorm = xf.norm;
  let item: MatchEvidence;
  if (tExact !== '' && tExact === xExact) {
    item = {
      signal: 'USERNAME',
      reason: 'HANDLE_EXACT',
      values: [value('TIKTOK', t.username, tExact), value('X', x.username, xExact)],
      points: Math.round(opts.weights.handle),
    };
  } else if (tNorm !== '' && tNorm === xNorm) {
    item = {
      signal: 'USERNAME',
      reason: 'HANDLE_NORMALIZED',
      values: [value('TIKTOK', t.username, tNorm), value('X', x.username, xNorm)],
      points: Math.round(opts.weights.handleNormalized),
    };
  } else {
    return [{ signal: 'USERNAME', values: [value('TIKTOK', t.username, tNorm), value('X', x.username, xNorm)], points: 0 }];
  }
  if (!isCommonHandle(tNorm, opts, ctx)) return [item];
  return [
    item,
    {
      signal: 'USERNAME',
      reason: 'COMMON_HANDLE',
      values: [value('TIKTOK', t.username, tNorm), value('X', x.username, xNorm)],
      points: -Math.round(opts.weights.commonHandlePenalty),
    },
  ];
}

function nameEvidence(t: MatchableAccount, x: MatchableAccount, opts: MatchOptions): MatchEvidence | undefined {
  if (!t.displayName && !x.displayName) return undefined;
  const tName = features(t).name;
  const xName = features(x).name;
  const hit = tName !== '' && tName === xName;
  return {
    signal: 'DISPLAY_NAME',
    ...(hit ? { reason: 'NAME_EXACT' as const } : {}),
    values: [value('TIKTOK', t.displayName, tName), value('X', x.displayName, xName)],
    points: hit ? Math.round(opts.weights.name) : 0,
  };
}

/** AUTO needs the threshold and a strong reason; an exact handle is not strong when it is common. */
export function decide(score: number, reasons: readonly MatchReason[], opts: MatchOptions): MatchDecision {
  const common = reasons.includes('COMMON_HANDLE');
  const strong = reasons.some((r) => opts.strongReasons.includes(r) && !(common && r === 'HANDLE_EXACT'));
  if (score >= opts.autoThreshold && strong) return 'AUTO';
  if (score >= opts.reviewThreshold) return 'PENDING';
  return 'NONE';
}

/**
 * Scores a TikTok account against an X account. `opts` may be partial (defaults filled in);
 * pass the same object for many pairs, it is resolved once. Throws MatchInputError when the
 * platforms are not TIKTOK and X in that order.
 */
export function scorePair(
  tiktok: MatchableAccount,
  x: MatchableAccount,
  opts?: MatchOptionsInput | MatchOptions,
  ctx: ScoreContext = {},
): ScoredPair {
  if (tiktok.platform !== 'TIKTOK' || x.platform !== 'X') {
    throw new MatchInputError(`scorePair expects (TIKTOK, X), got (${tiktok.platform}, ${x.platform})`);
  }
  const o = cachedOptions(opts);
  const evidence: MatchEvidence[] = [];
  const ts: Side = { account: tiktok, link: features(tiktok).link };
  const xs: Side = { account: x, link: features(x).link };
  const link = bioLinkEvidence(ts, xs, o);
  if (link) evidence.push(link);
  evidence.push(...profileLinkEvidence(ts, x, o), ...profileLinkEvidence(xs, tiktok, o));
  evidence.push(...usernameEvidence(tiktok, x, o, ctx));
  const name = nameEvidence(tiktok, x, o);
  if (name) evidence.push(name);

  const sum = evidence.reduce((acc, e) => acc + e.points, 0);
  const score = Math.max(0, Math.min(100, sum));
  const reasons: MatchReason[] = [];
  for (const e of evidence) if (e.reason && !reasons.includes(e.reason)) reasons.push(e.reason);
  return { tiktokId: tiktok.id, xId: x.id, score, reasons, evidence, decision: decide(score, reasons, o) };
}

/** Scores a stream of pairs lazily (for candidate pairs from blocking, or all pairs). */
export function* scorePairs(
  pairs: Iterable<{ tiktok: MatchableAccount; x: MatchableAccount }>,
  opts?: MatchOptionsInput | MatchOptions,
  ctx: ScoreContext = {},
): Generator<ScoredPair> {
  const o = cachedOptions(opts);
  for (const p of pairs) yield scorePair(p.tiktok, p.x, o, ctx);
}
