/**
 * Blocking: instead of scoring every TikTok account against every X account, index accounts by
 * the keys a true match would share (normalised handle, identifying bio link, registrable domain
 * of an own site, normalised display name, profile-link target) and score only cross-platform
 * pairs that share a key. Keys held by more than `maxBlockSize` accounts are too common to block
 * on: they yield no pairs (which keeps the pair count linear in the number of accounts) and are
 * reported instead; the handle counts also tell scoring which handles are common.
 */

import type { Platform } from '../graph/model';
import { resolveMatchOptions, type MatchOptions, type MatchOptionsInput } from './options';
import { features } from './compare';
import { isCommonHandle, type MatchableAccount } from './score';

export type BlockingKeyKind = 'handle' | 'link' | 'domain' | 'name' | 'profile' | 'token';

/**
 * The blocking keys of one account, each "<kind>:<value>", sorted, without duplicates.
 * Profile keys are "profile:<PLATFORM>:<username>": every account emits its own, and an account
 * whose bio link or bio text points at an account on the other platform emits that one's, so the
 * pointer and its target meet in one block.
 */
export function blockingKeys(account: MatchableAccount, opts: MatchOptionsInput | MatchOptions = {}): string[] {
  const minName = opts.minNameKeyLength ?? resolveMatchOptions().minNameKeyLength;
  // The account's features hold its parsed link, handle forms and written handles: computed once
  // here and reused when the account is compared.
  const f = features(account);
  const keys = new Set<string>();
  if (f.handleKey !== '') keys.add(f.handleKey);
  const link = f.link;
  if (f.linkKey !== '') keys.add(f.linkKey);
  if (link?.domain !== undefined && !link.sharedHost) keys.add(`domain:${link.domain}`);
  const probabilistic = (opts.model ?? resolveMatchOptions().model) === 'probabilistic';
  // Probabilistic: the name as its comparison sees it (decorations stripped), so the key's count
  // is also the name's term frequency.
  const name = probabilistic ? f.nameKey : f.name;
  if (name.length >= minName) keys.add(probabilistic ? f.nameKeyKey : `name:${name}`);

  // Probabilistic scoring weighs names and handle words too, so pairs whose handles differ
  // ("hs_neu_ulm" / "hochschule_neu_ulm") meet on a rare word of their names or handles. The
  // token blocks pair only while small (maxTokenBlockSize), which keeps the run linear.
  if (probabilistic) {
    for (let i = 0; i < f.allNameTokens.length; i++) if (f.allNameTokens[i].length >= 3) keys.add(f.allNameTokenKeys[i]);
    for (const t of f.handleTokens) if (t.length >= 3) keys.add(`token:${t}`);
  }

  const own = f.exact;
  if (own !== '') keys.add(`profile:${account.platform}:${own}`);
  const other: Platform = account.platform === 'TIKTOK' ? 'X' : 'TIKTOK';
  const target = link?.profile;
  if (target && target.platform === other) keys.add(`profile:${other}:${target.username}`);
  for (const h of f.written[other]) keys.add(`profile:${other}:${h}`);
  return [...keys].sort();
}

/** The kind of a blocking key ("handle" for "handle:amy"). */
export function keyKind(key: string): BlockingKeyKind {
  return key.slice(0, key.indexOf(':')) as BlockingKeyKind;
}

export interface Block {
  tiktok: number[];
  x: number[];
}

/** A key shared by too many accounts to block on. */
export interface OversizedKey {
  key: string;
  kind: BlockingKeyKind;
  tiktok: number;
  x: number;
}

/** A TikTok and an X account sharing at least one usable blocking key. */
export interface CandidatePair {
  tiktok: MatchableAccount;
  x: MatchableAccount;
  /** The pairing keys they share, sorted. */
  readonly keys: string[];
}

/** Accounts indexed by blocking key. Build with `buildIndex`. */
export class BlockingIndex {
  /** Accounts by position; duplicates of an id after the first are ignored. */
  readonly accounts: MatchableAccount[] = [];
  /** Sorted blocking keys per account position. */
  readonly keysOf: string[][] = [];
  /**
   * Key -> its holders. Most keys (an account's own handle and profile) have one holder: kept as
   * its position alone, and made a Block when a second holder comes, which spares a large
   * population millions of small arrays.
   */
  private readonly holders = new Map<string, number | Block>();
  private readonly ids = new Set<string>();
  private readonly weakPair: boolean;
  private readonly pairing = new Map<string, boolean>();

  /**
   * `population`: how many accounts hold a key in the whole population, when the index holds only
   * a slice of it (the incremental matcher indexes a few accounts and their neighbours, and asks
   * the graph for block sizes). Absent: counted from the indexed accounts.
   */
  constructor(
    readonly options: MatchOptions,
    private readonly population?: (key: string) => number,
  ) {
    this.weakPair = weakKeysPair(options);
  }

  /** Adds an account; false when an account with the same id is already indexed. */
  add(account: MatchableAccount): boolean {
    if (this.ids.has(account.id)) return false;
    this.ids.add(account.id);
    const pos = this.accounts.length;
    const keys = blockingKeys(account, this.options);
    this.accounts.push(account);
    this.keysOf.push(keys);
    for (const key of keys) {
      const held = this.holders.get(key);
      if (held === undefined) {
        this.holders.set(key, pos);
        continue;
      }
      const block = typeof held === 'number' ? this.blockOf(held) : held;
      if (block !== held) this.holders.set(key, block);
      (account.platform === 'TIKTOK' ? block.tiktok : block.x).push(pos);
    }
    return true;
  }

  private blockOf(pos: number): Block {
    return this.accounts[pos].platform === 'TIKTOK' ? { tiktok: [pos], x: [] } : { tiktok: [], x: [pos] };
  }

  /** Every key with its holders by platform. */
  get blocks(): Iterable<[string, Block]> {
    const self = this;
    return (function* () {
      for (const [key, held] of self.holders) yield [key, typeof held === 'number' ? self.blockOf(held) : held] as [string, Block];
    })();
  }

  /** Keys held on both platforms, with their holders. */
  *pairBlocks(): Generator<[string, Block]> {
    for (const [key, held] of this.holders) {
      if (typeof held !== 'number' && held.tiktok.length > 0 && held.x.length > 0) yield [key, held];
    }
  }

  /** Accounts (both platforms) holding a key. */
  keyCount(key: string): number {
    if (this.population) return this.population(key);
    const b = this.holders.get(key);
    return b === undefined ? 0 : typeof b === 'number' ? 1 : b.tiktok.length + b.x.length;
  }

  /** Accounts (both platforms) whose normalised handle is `normalizedHandle`; feeds COMMON_HANDLE. */
  readonly handleCount = (normalizedHandle: string): number => this.keyCount(`handle:${normalizedHandle}`);

  /**
   * True when pairs sharing this key are worth scoring: the key is not oversized, and it is not a
   * weak key (display name, common handle) while weak keys cannot lift a pair to review (see
   * `weakKeysPair`). Memoised per key: the answer depends only on the key's block.
   */
  isPairing(key: string): boolean {
    let v = this.pairing.get(key);
    if (v === undefined) {
      v = !this.isOversized(key) && (this.weakPair || !this.isWeak(key));
      this.pairing.set(key, v);
    }
    return v;
  }

  private isWeak(key: string): boolean {
    if (key.startsWith('name:')) return true;
    if (!key.startsWith('handle:')) return false;
    return isCommonHandle(key.slice('handle:'.length), this.options, { handleCount: this.handleCount });
  }

  /** True when the key is held by more than `maxBlockSize` accounts and so yields no pairs. */
  isOversized(key: string): boolean {
    if (key.startsWith('token:')) return this.keyCount(key) > this.options.maxTokenBlockSize;
    return this.keyCount(key) > this.options.maxBlockSize;
  }

  /** Keys too common to block on, largest first (ties by key). */
  oversizedKeys(): OversizedKey[] {
    const out: OversizedKey[] = [];
    for (const [key, b] of this.holders) {
      if (typeof b === 'number') continue;
      if (!key.startsWith('token:') && b.tiktok.length + b.x.length > this.options.maxBlockSize) {
        out.push({ key, kind: keyKind(key), tiktok: b.tiktok.length, x: b.x.length });
      }
    }
    return out.sort((a, b) => b.tiktok + b.x - (a.tiktok + a.x) || (a.key < b.key ? -1 : 1));
  }
}

/**
 * Whether weak keys (display names, common handles) yield candidate pairs. Every signal that adds
 * points implies a shared key (equal handles share a handle key, equal links a link key, a profile
 * pointer a profile key, a shared own site a domain key), so a pair sharing only weak keys scores
 * at most the name weight plus the penalised handle weight. While that is below the review
 * threshold (10 + (30 - 20) = 20 < 30 by default) such pairs can never be proposed, and the weak
 * blocks, the largest in a real population, would only cost time; the same pairs are still scored
 * in full when they share a strong key too. With weights that let weak evidence reach review,
 * weak keys pair like any other.
 */
export function weakKeysPair(opts: MatchOptions): boolean {
  // Probabilistic scoring can lift a pair sharing a rare name to review: every key pairs.
  if (opts.model === 'probabilistic') return true;
  return fixedWeakKeysPair(opts);
}

/** The fixed-points answer of `weakKeysPair`. */
export function fixedWeakKeysPair(opts: MatchOptions): boolean {
  const w = opts.weights;
  const weakHandle = Math.max(0, Math.max(w.handle, w.handleNormalized) - w.commonHandlePenalty);
  return Math.round(w.name) + Math.round(weakHandle) >= opts.reviewThreshold;
}

/** Indexes accounts of both platforms by their blocking keys. */
export function buildIndex(
  accounts: Iterable<MatchableAccount>,
  opts?: MatchOptionsInput | MatchOptions,
  population?: (key: string) => number,
): BlockingIndex {
  const index = new BlockingIndex(resolveMatchOptions(opts), population);
  for (const a of accounts) index.add(a);
  return index;
}

/** The pairing keys two sorted key lists share, in order. */
function sharedUsableKeys(a: string[], b: string[], index: BlockingIndex): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      if (index.isPairing(a[i])) out.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return out;
}

/** The smallest pairing key two sorted key lists share, or undefined. */
function firstSharedUsableKey(a: string[], b: string[], index: BlockingIndex): string | undefined {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      if (index.isPairing(a[i])) return a[i];
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return undefined;
}

/**
 * A candidate pair of the index's accounts. Its shared keys are listed when asked for: a full
 * run scores hundreds of thousands of pairs and never reads them.
 */
class IndexedPair implements CandidatePair {
  readonly tiktok: MatchableAccount;
  readonly x: MatchableAccount;

  constructor(
    private readonly index: BlockingIndex,
    private readonly t: number,
    private readonly xPos: number,
  ) {
    this.tiktok = index.accounts[t];
    this.x = index.accounts[xPos];
  }

  get keys(): string[] {
    return sharedUsableKeys(this.index.keysOf[this.t], this.index.keysOf[this.xPos], this.index);
  }
}

/**
 * Every cross-platform pair sharing at least one pairing key (`isPairing`), exactly once, lazily. A pair is
 * yielded from the block of the smallest key it shares, so no set of seen pairs is kept and
 * memory stays that of the index. At most sum over usable keys of |tiktok| * |x| pairs, which is
 * at most (maxBlockSize / 2)^2 per key: linear in the number of accounts.
 */
export function* candidatePairs(index: BlockingIndex): Generator<CandidatePair> {
  for (const [key, block] of index.pairBlocks()) {
    if (!index.isPairing(key)) continue;
    for (const t of block.tiktok) {
      for (const x of block.x) {
        // Most pairs sharing several keys are met in each of their blocks: only the block of the
        // smallest one lists their keys.
        if (firstSharedUsableKey(index.keysOf[t], index.keysOf[x], index) !== key) continue;
        yield new IndexedPair(index, t, x);
      }
    }
  }
}

/**
 * Every TikTok x X pair, for comparison with blocking in benchmarks and tests. Quadratic: do
 * not use on real populations.
 */
export function* allPairs(accounts: Iterable<MatchableAccount>): Generator<{ tiktok: MatchableAccount; x: MatchableAccount }> {
  const tiktok: MatchableAccount[] = [];
  const x: MatchableAccount[] = [];
  for (const a of accounts) (a.platform === 'TIKTOK' ? tiktok : x).push(a);
  for (const t of tiktok) for (const xa of x) yield { tiktok: t, x: xa };
}
