/**
 * Blocking keys in the graph, for the incremental matcher, each stored where it is cheapest to
 * find: an account's link key, own-site domain key and (probabilistic) display-name key (at most
 * one of each) as the indexed properties `Account.linkKey`, `Account.domainKey` and
 * `Account.nameKey`; its name and handle words (probabilistic) as one space-separated
 * `Account.nameWords` under a full-text index; profile pointers (and, fixed points, display names
 * when weak keys can pair: see blocking.ts `weakKeysPair`), which an account may have several of,
 * as `(:Account)-[:HAS_KEY]->(:BlockKey {key})`. Two key kinds
 * need nothing stored because the graph already indexes them: `handle:<h>` is
 * `Account.handleNorm`, and an account's own `profile:<PLATFORM>:<username>` is
 * `Account.usernameLower`. `Account.blockKeys` lists every stored key, so a run can tell which
 * accounts changed without reading the rest.
 */
import { createBlockKeys, writeBlockKeys } from '../graph/block-keys';
import type { AccountCreator } from '../graph/creators';
import type { Platform } from '../graph/model';
import type { GraphClient } from '../neo4j/graph-client';
import { blockingKeys, fixedWeakKeysPair, keyKind } from './blocking';
import type { MatchOptions } from './options';
import type { MatchableAccount } from './score';

/** An account as the matching queries return it. */
export interface MatchableRow extends MatchableAccount {
  /** Keys stored by the last sync, sorted; null before the first; undefined when not known. */
  blockKeys?: string[] | null;
}

/** A full run's account row (all-matchable-accounts): with its creator, as merges need it. */
export interface MatchableRowWithCreator extends MatchableRow {
  followers: number | null;
  usernameLower: string;
  active: boolean | null;
  lastPostMs: number | null;
  creatorId: string | null;
  creatorCreatedS: number | null;
  creatorCreatedNs: number | null;
  creatorAccounts: number;
}

/** The creators of the rows that have one, by account id (graph/creators.ts AccountCreator). */
export function creatorsOfRows(rows: readonly MatchableRowWithCreator[]): Map<string, AccountCreator> {
  const out = new Map<string, AccountCreator>();
  for (const r of rows) {
    if (r.creatorId === null) continue;
    out.set(r.id, {
      accountId: r.id,
      creatorId: r.creatorId,
      createdS: r.creatorCreatedS,
      createdNs: r.creatorCreatedNs,
      accountCount: r.creatorAccounts,
      account: {
        id: r.id,
        platform: r.platform,
        followers: r.followers ?? 0,
        usernameLower: r.usernameLower,
        active: r.active ?? true,
        lastPostAt: r.lastPostMs === null ? null : new Date(r.lastPostMs),
        displayName: r.displayName ?? null,
      },
    });
  }
  return out;
}


/** The account's own profile key: its username, which the graph indexes instead. */
export function ownProfileKey(a: MatchableAccount, keys: readonly string[]): string | undefined {
  const prefix = `profile:${a.platform}:`;
  return keys.find((k) => k.startsWith(prefix));
}

/** The keys of `keys` (an account's blocking keys) stored in the graph (see keyStorage for where), sorted. */
export function storedKeys(a: MatchableAccount, keys: readonly string[], opts: MatchOptions): string[] {
  // Probabilistic scoring pairs on names and rare name and handle words, so the incremental
  // matcher must find holders of those too (and count them, for term frequencies): they are
  // stored, as one indexed property and one word list per account (keyStorage). Fixed points
  // store names only when weak keys can pair (by default they never yield a pair).
  const probabilistic = opts.model === 'probabilistic';
  const names = probabilistic || fixedWeakKeysPair(opts);
  const own = `profile:${a.platform}:`;
  return keys.filter((k) => {
    const kind = keyKind(k);
    if (kind === 'handle') return false;
    if (kind === 'token') return probabilistic;
    if (kind === 'name') return names;
    if (kind === 'profile') return !k.startsWith(own);
    return true;
  });
}

/**
 * Where each stored key lives: indexed properties for the kinds an account has at most one of
 * (link, own-site domain, probabilistic display name), one space-separated word list under a
 * full-text index for name and handle words (several per account: one property write rather than
 * a node and an edge per word), and BlockKey nodes for the rest (profile pointers; fixed-points
 * names).
 */
export interface KeyStorage {
  link: string | null;
  domain: string | null;
  name: string | null;
  /** Words of the token keys, without the "token:" prefix, space-separated; null when none. */
  words: string | null;
  nodeKeys: string[];
}

/** Splits stored keys (`storedKeys`) by where they live; an account has at most one link, domain and name. */
export function keyStorage(stored: readonly string[], opts?: MatchOptions): KeyStorage {
  const out: KeyStorage = { link: null, domain: null, name: null, words: null, nodeKeys: [] };
  const words: string[] = [];
  const nameProperty = opts?.model !== 'fixed';
  for (const k of stored) {
    const kind = keyKind(k);
    if (kind === 'link' && out.link === null) out.link = k;
    else if (kind === 'domain' && out.domain === null) out.domain = k;
    else if (kind === 'name' && nameProperty && out.name === null) out.name = k;
    else if (kind === 'token') words.push(wordOf(k));
    else out.nodeKeys.push(k);
  }
  if (words.length > 0) out.words = words.join(' ');
  return out;
}

/** The word of a token key ("token:vasquez" -> "vasquez"). */
export function wordOf(key: string): string {
  return key.slice('token:'.length);
}

/** The parameters that find holders of `keys` (stored kinds): property lookups, the word index and BlockKey nodes. */
export function keyLookup(
  keys: Iterable<string>,
  opts?: MatchOptions,
): { links: string[]; domains: string[]; names: string[]; words: string[]; keys: string[] } {
  const out = { links: [] as string[], domains: [] as string[], names: [] as string[], words: [] as string[], keys: [] as string[] };
  const nameProperty = opts?.model !== 'fixed';
  for (const k of keys) {
    const kind = keyKind(k);
    if (kind === 'link') out.links.push(k);
    else if (kind === 'domain') out.domains.push(k);
    else if (kind === 'name' && nameProperty) out.names.push(k);
    else if (kind === 'token') out.words.push(wordOf(k));
    else out.keys.push(k);
  }
  return out;
}

/** The other platform's account a profile-pointer key names. */
export function pointerTarget(key: string): { platform: Platform; username: string } {
  const [, platform, username] = key.split(':');
  return { platform: platform as Platform, username };
}

function sameKeys(a: readonly string[] | null, b: readonly string[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Brings the stored keys of the given accounts up to date; accounts whose stored list already
 * equals the computed one are skipped, so a rerun on unchanged data writes nothing, and so are
 * accounts that never stored keys and have none to store (blockKeys stays null: no edges). `keysOf`
 * gives an account's blocking keys when the caller has them already. Returns how many accounts
 * were rewritten.
 */
export async function syncBlockKeys(
  graph: GraphClient,
  accounts: readonly MatchableRow[],
  opts: MatchOptions,
  keysOf: (a: MatchableRow, i: number) => readonly string[] = (a) => blockingKeys(a, opts),
): Promise<number> {
  type Row = { id: string; keys: string[] } & KeyStorage;
  const first: Row[] = [];
  const rows: Row[] = [];
  accounts.forEach((a, i) => {
    const keys = storedKeys(a, keysOf(a, i), opts);
    if (a.blockKeys === null) {
      // Never synced means nothing stored: an account with no keys to store has nothing to write.
      if (keys.length > 0) first.push({ id: a.id, keys, ...keyStorage(keys, opts) });
    } else if (a.blockKeys === undefined || !sameKeys(a.blockKeys, keys)) rows.push({ id: a.id, keys, ...keyStorage(keys, opts) });
  });
  const synced = first.length + rows.length;
  // Accounts that never stored keys have no HAS_KEY edges to compare: created set-wise. Any that
  // were synced by someone else in the meantime fall through to the general path.
  if (first.length > 0) rows.push(...(await createBlockKeys(graph, first)));
  await writeBlockKeys(graph, rows);
  return synced;
}
