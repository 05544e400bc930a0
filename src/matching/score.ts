/**
 * Scores one TikTok account against one X account. Every compared signal becomes an evidence
 * item (what was compared, both raw and normalised values, the reason if it matched, its weight),
 * in the manner of Splink's match-weight chart, so a reviewer can always see why a pair scored
 * what it did.
 *
 * Two scorers, chosen by `MatchOptions.model`:
 * - 'probabilistic' (default): Fellegi-Sunter (fellegi-sunter.ts). Each evidence item is one
 *   signal's comparison level with its m, u and match weight (log2 Bayes factor, rounded as
 *   points); a PRIOR item carries the prior odds, so the points add up to the pair's log2 odds.
 *   The score is the match probability in percent; AUTO at `autoProbability`, review at
 *   `reviewProbability`.
 * - 'fixed': the seed's fixed points (bio link 60, handle 30, name 10), kept to compare against.
 */

import type { MatchReason, Platform } from '../graph/model';
import { features, SIGNAL_LEVELS, SIGNALS, type AccountFeatures, type MatchableAccount, type SignalName } from './compare';
import { nameHolders, rarestSharedToken, reasonsOf, weighPair, type FSModel, type Population, type Weighed } from './fellegi-sunter';
import type { LinkFacts } from './normalize';
import type { MatchEvidence, PlatformValue } from './evidence';
import { resolveMatchOptions, type MatchOptions, type MatchOptionsInput } from './options';

export type { MatchableAccount } from './compare';
export type { EvidenceSignal, MatchEvidence, PlatformValue } from './evidence';

export type MatchDecision = 'AUTO' | 'PENDING' | 'NONE';

export interface ScoredPair {
  tiktokId: string;
  xId: string;
  /** Probabilistic: match probability in percent, rounded; fixed: sum of the points, clamped to 0..100. */
  score: number;
  /** Probabilistic: the match probability (0..1). */
  probability?: number;
  /** Probabilistic: the pair's log2 odds (prior plus every match weight), which ranks rivals in a conflict. */
  log2Odds?: number;
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
  /** Probabilistic: accounts holding a blocking key, for term-frequency u (`BlockingIndex.keyCount`). */
  keyCount?: (key: string) => number;
  /** Probabilistic: accounts per platform (the prior is relative to them). */
  population?: { tiktok: number; x: number };
  /** Probabilistic: the parameters to score with (a full run's learnt model); default `options.fsModel`. */
  model?: FSModel;
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
  /** The pair already weighed with the same options and context (`assessPair`), to build on. */
  weighed?: Weighed,
): ScoredPair {
  if (tiktok.platform !== 'TIKTOK' || x.platform !== 'X') {
    throw new MatchInputError(`scorePair expects (TIKTOK, X), got (${tiktok.platform}, ${x.platform})`);
  }
  const o = cachedOptions(opts);
  return o.model === 'fixed' ? scoreFixedPoints(tiktok, x, o, ctx) : scoreProbabilistic(tiktok, x, o, ctx, weighed);
}

/**
 * `scorePair` for a full run's kept pairs: the same pair, whose probabilistic evidence is built
 * when it is read (at write time) rather than held from planning on (see scoreProbabilistic).
 */
export function scoreKeptPair(tiktok: MatchableAccount, x: MatchableAccount, opts: MatchOptions, ctx: ScoreContext, weighed?: Weighed): ScoredPair {
  if (opts.model === 'fixed' || tiktok.platform !== 'TIKTOK' || x.platform !== 'X') return scorePair(tiktok, x, opts, ctx, weighed);
  return scoreProbabilistic(tiktok, x, opts, ctx, weighed, true);
}

function populationOf(ctx: ScoreContext): Population {
  const pop: Population = {};
  if (ctx.population) {
    pop.tiktok = ctx.population.tiktok;
    pop.x = ctx.population.x;
  }
  const keyCount = ctx.keyCount ?? (ctx.handleCount ? (k: string) => (k.startsWith('handle:') ? ctx.handleCount!(k.slice(7)) : 0) : undefined);
  if (keyCount) pop.keyCount = keyCount;
  return pop;
}

function signalValues(signal: SignalName, t: MatchableAccount, x: MatchableAccount): PlatformValue[] {
  const tf = features(t);
  const xf = features(x);
  switch (signal) {
    case 'BIO_LINK':
      return [value('TIKTOK', t.bioLink, tf.link?.identifying ?? tf.link?.canonical), value('X', x.bioLink, xf.link?.identifying ?? xf.link?.canonical)];
    case 'PROFILE_LINK':
      return [
        value('TIKTOK', t.bioLink ?? t.bio, [tf.link?.profile?.username, ...tf.written.X].filter(Boolean).join(' ')),
        value('X', x.bioLink ?? x.bio, [xf.link?.profile?.username, ...xf.written.TIKTOK].filter(Boolean).join(' ')),
      ];
    case 'USERNAME':
      return [value('TIKTOK', t.username, tf.norm), value('X', x.username, xf.norm)];
    case 'DISPLAY_NAME':
      return [value('TIKTOK', t.displayName, tf.nameTokens.join(' ')), value('X', x.displayName, xf.nameTokens.join(' '))];
    default:
      return [value('TIKTOK', t.bio, null), value('X', x.bio, null)];
  }
}

const LEVEL_REASON: Partial<Record<SignalName, (MatchReason | undefined)[]>> = {
  BIO_LINK: ['BIOLINK_EXACT', 'BIOLINK_DOMAIN'],
  PROFILE_LINK: ['PROFILE_LINK'],
  USERNAME: ['HANDLE_EXACT', 'HANDLE_NORMALIZED'],
  DISPLAY_NAME: ['NAME_EXACT'],
};

/**
 * The decision without the evidence: what a full run asks of the many candidate pairs that score
 * nothing (most of them), before it builds the evidence of the few it keeps. Probabilistic: with
 * the weighed pair, which `scorePair` then builds on, so a kept pair is compared once.
 */
export function assessPair(
  tiktok: MatchableAccount,
  x: MatchableAccount,
  opts: MatchOptions,
  ctx: ScoreContext = {},
): { decision: MatchDecision; weighed?: Weighed } {
  if (opts.model === 'fixed') return { decision: scorePair(tiktok, x, opts, ctx).decision };
  const pop = populationOf(ctx);
  const w = weighPair(tiktok, x, ctx.model ?? opts.fsModel, pop);
  return { decision: probabilisticDecision(w.probability, w.comparison.levels, tiktok, x, opts, pop), weighed: w };
}

function probabilisticDecision(
  p: number,
  levels: Record<SignalName, number>,
  tiktok: MatchableAccount,
  x: MatchableAccount,
  o: MatchOptions,
  pop: Population,
): MatchDecision {
  const decision: MatchDecision = p >= o.autoProbability ? 'AUTO' : p >= o.reviewProbability ? 'PENDING' : 'NONE';
  if (decision !== 'NONE' && onlyACommonName(levels, features(tiktok), features(x), pop)) return 'NONE';
  return decision;
}

/** The Fellegi-Sunter score: match probability, and per signal its level, m, u and match weight. */
function scoreProbabilistic(tiktok: MatchableAccount, x: MatchableAccount, o: MatchOptions, ctx: ScoreContext, weighed?: Weighed, lazy = false): ScoredPair {
  const pop = populationOf(ctx);
  const model = ctx.model ?? o.fsModel;
  const w = weighed ?? weighPair(tiktok, x, model, pop);
  const reasons = reasonsOf(w, features(tiktok), pop);
  const p = w.probability;
  const decision = probabilisticDecision(p, w.comparison.levels, tiktok, x, o, pop);
  const pair = { tiktokId: tiktok.id, xId: x.id, score: Math.round(p * 100), probability: p, log2Odds: w.total, reasons } as ScoredPair;
  if (lazy) {
    // Built on each read, from what the pair already holds: an own enumerable property like any
    // other (spread, JSON and equality see it), but a full run's tens of thousands of kept pairs
    // do not each hold seven evidence objects from planning until they are written.
    // One getter for all pairs, reading a hidden (non-enumerable) source, so the pairs share one
    // hidden class: a closure per pair gave every pair a shape of its own.
    Object.defineProperty(pair, EVIDENCE_SOURCE, { value: { tiktok, x, model, w } });
    Object.defineProperty(pair, 'evidence', { get: lazyEvidence, enumerable: true, configurable: true });
  } else pair.evidence = probabilisticEvidence(tiktok, x, model, w);
  pair.decision = decision;
  return pair;
}

const EVIDENCE_SOURCE = Symbol('evidence source');

interface EvidenceSource {
  tiktok: MatchableAccount;
  x: MatchableAccount;
  model: FSModel;
  w: Weighed;
}

function lazyEvidence(this: { [EVIDENCE_SOURCE]: EvidenceSource }): MatchEvidence[] {
  const s = this[EVIDENCE_SOURCE];
  return probabilisticEvidence(s.tiktok, s.x, s.model, s.w);
}

/** A weighed pair's evidence: per signal its level, m, u and match weight, then the prior. */
function probabilisticEvidence(tiktok: MatchableAccount, x: MatchableAccount, model: FSModel, w: Weighed): MatchEvidence[] {
  let prior = w.total;
  const evidence: MatchEvidence[] = [];
  for (const s of SIGNALS) {
    const level = w.comparison.levels[s];
    prior -= w.weight[s];
    const reason = LEVEL_REASON[s]?.[level];
    evidence.push({
      signal: s,
      ...(reason ? { reason } : {}),
      values: signalValues(s, tiktok, x),
      points: Math.round(w.weight[s]),
      level: SIGNAL_LEVELS[s][level],
      matchWeight: round3(w.weight[s]),
      m: model.m[s][level],
      u: w.u[s],
    });
  }
  evidence.push({ signal: 'PRIOR', values: [], points: Math.round(prior), level: 'POPULATION', matchWeight: round3(prior) });
  return evidence;
}

/**
 * More accounts than this holding one display name make it common: two creators with the name on
 * both platforms hold it four times, so a fifth holder means strangers share it.
 */
export const COMMON_NAME_HOLDERS = 4;
/** A name word held by more accounts than this is common (the default token block size, options.ts). */
export const COMMON_WORD_HOLDERS = 12;

/**
 * True when the pair's only identity evidence is a display name many accounts hold: no link,
 * pointer or handle agreement. Such pairs are never proposed, whatever their bios add: a reviewer
 * cannot tell one "Sara Lee" from another, and in a large population they would fill the queue.
 */
export function onlyACommonName(levels: Record<SignalName, number>, t: AccountFeatures, x: AccountFeatures, pop: Population): boolean {
  if (!pop.keyCount || levels.BIO_LINK <= 1 || levels.PROFILE_LINK === 0 || levels.USERNAME <= 2) return false;
  if (levels.DISPLAY_NAME === 0) return nameHolders(t, pop) > COMMON_NAME_HOLDERS;
  if (levels.DISPLAY_NAME > 2) return false;
  // A similar name or a shared word: only as rare as the rarest word the two names share.
  const least = rarestSharedToken(t, x, pop);
  return least === undefined || least > COMMON_WORD_HOLDERS;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** The seed's fixed points: bio link 60, handle 30, name 10 (see MatchWeights). */
export function scoreFixedPoints(
  tiktok: MatchableAccount,
  x: MatchableAccount,
  opts?: MatchOptionsInput | MatchOptions,
  ctx: ScoreContext = {},
): ScoredPair {
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
