/**
 * Blocking keys in the graph, for the incremental matcher, each stored where it is cheapest to
 * find: an account's link key and own-site domain key (at most one of each) as the indexed
 * properties `Account.linkKey` and `Account.domainKey`; profile pointers (and display names, when
 * weak keys can pair: see blocking.ts `weakKeysPair`; by default they never yield a pair), which
 * an account may have several of, as `(:Account)-[:HAS_KEY]->(:BlockKey {key})`. Two key kinds
 * need nothing stored because the graph already indexes them: `handle:<h>` is
 * `Account.handleNorm`, and an account's own `profile:<PLATFORM>:<username>` is
 * `Account.usernameLower`. `Account.blockKeys` lists every stored key, so a run can tell which
 * accounts changed without reading the rest.
 */
import { createBlockKeys, writeBlockKeys } from '../graph/block-keys';
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


/** The account's own profile key: its username, which the graph indexes instead. */
export function ownProfileKey(a: MatchableAccount, keys: readonly string[]): string | undefined {
  const prefix = `profile:${a.platform}:`;
  return keys.find((k) => k.startsWith(prefix));
}

/** The keys of `keys` (an account's blocking keys) stored in the graph (see keyStorage for where), sorted. */
export function storedKeys(a: MatchableAccount, keys: readonly string[], opts: MatchOptions): string[] {
  // Name and word keys are not stored: the incremental matcher finds counterparts by handle,
  // link, domain and profile pointer, and the weekly full run by every key (storing hundreds of
  // thousands of name and word keys would cost the full run more than it saves the incremental).
  const names = opts.model === 'fixed' && fixedWeakKeysPair(opts);
  const own = `profile:${a.platform}:`;
  return keys.filter((k) => {
    const kind = keyKind(k);
    if (kind === 'handle' || kind === 'token') return false;
    if (kind === 'name') return names;
    if (kind === 'profile') return !k.startsWith(own);
    return true;
  });
}

/** Where each stored key lives: the two indexed properties, or BlockKey nodes. */
export interface KeyStorage {
  link: string | null;
  domain: string | null;
  nodeKeys: string[];
}

/** Splits stored keys (`storedKeys`) by where they live; an account has at most one link and one domain. */
export function keyStorage(stored: readonly string[]): KeyStorage {
  const out: KeyStorage = { link: null, domain: null, nodeKeys: [] };
  for (const k of stored) {
    const kind = keyKind(k);
    if (kind === 'link' && out.link === null) out.link = k;
    else if (kind === 'domain' && out.domain === null) out.domain = k;
    else out.nodeKeys.push(k);
  }
  return out;
}

/** The parameters that find holders of `keys` (stored kinds): property lookups and BlockKey nodes. */
export function keyLookup(keys: Iterable<string>): { links: string[]; domains: string[]; keys: string[] } {
  const out = { links: [] as string[], domains: [] as string[], keys: [] as string[] };
  for (const k of keys) {
    const kind = keyKind(k);
    (kind === 'link' ? out.links : kind === 'domain' ? out.domains : out.keys).push(k);
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
      if (keys.length > 0) first.push({ id: a.id, keys, ...keyStorage(keys) });
    } else if (a.blockKeys === undefined || !sameKeys(a.blockKeys, keys)) rows.push({ id: a.id, keys, ...keyStorage(keys) });
  });
  const synced = first.length + rows.length;
  // Accounts that never stored keys have no HAS_KEY edges to compare: created set-wise. Any that
  // were synced by someone else in the meantime fall through to the general path.
  if (first.length > 0) rows.push(...(await createBlockKeys(graph, first)));
  await writeBlockKeys(graph, rows);
  return synced;
}
