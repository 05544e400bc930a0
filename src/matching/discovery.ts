/**
 * Discovery: for a creator tracked on one platform only, look for its counterpart on the other.
 * Candidate usernames come from the account itself: the same handle and its normalised form, the
 * handles written in its bio ("X: @name", "tiktok.com/@name"), and a bio link that is the other
 * platform's profile URL. Usernames already in the graph are not fetched again; the rest go to
 * the injected `ingest` function (which looks them up with the providers, 100 names a request on
 * X, and writes what exists), and everything found is scored like any other account by the
 * incremental matcher. Taking ingestion as a function keeps matching independent of the lanes.
 */
import type { Platform } from '../graph/model';
import type { GraphClient } from '../neo4j/graph-client';
import type { MatchEventBus } from './events';
import { matchAccountsIncrementally, type IncrementalResult } from './incremental';
import { exactHandle, normalizeHandle } from '../graph/handle-key';
import { bioHandles, profileLinkTarget } from './normalize';
import type { MatchOptions, MatchOptionsInput } from './options';
import type { MatchableAccount } from './score';

/** Looks the usernames up on the platform, writes the accounts that exist, returns their graph ids. */
export type IngestUsernames = (platform: Platform, usernames: string[]) => Promise<string[]>;

export interface DiscoveryOptions {
  /** Only these accounts (graph ids); default: every account whose creator is on one platform. */
  accountIds?: string[];
  /** Usernames per ingest call. Default 100 (the X batch lookup's limit). */
  batchSize?: number;
  matching?: MatchOptionsInput | MatchOptions;
}

export interface DiscoveryResult {
  /** Single-platform accounts considered. */
  sources: number;
  /** Distinct usernames proposed per platform. */
  proposed: Record<Platform, number>;
  /** Of those, how many were already in the graph, and how many were sent to ingestion. */
  alreadyKnown: number;
  lookedUp: number;
  /** Accounts ingestion returned. */
  ingested: number;
  matching: IncrementalResult;
}

const USERNAME: Record<Platform, RegExp> = { X: /^[a-z0-9_]{1,15}$/, TIKTOK: /^[a-z0-9_.]{2,24}$/ };

/** Usernames on the other platform that could be this account's counterpart, most likely first. */
export function counterpartUsernames(a: MatchableAccount): { platform: Platform; usernames: string[] } {
  const platform: Platform = a.platform === 'TIKTOK' ? 'X' : 'TIKTOK';
  const out: string[] = [];
  const add = (u: string | undefined) => {
    if (!u) return;
    const v = u.toLowerCase();
    if (USERNAME[platform].test(v) && !out.includes(v)) out.push(v);
  };
  const target = profileLinkTarget(a.bioLink);
  if (target?.platform === platform) add(target.username);
  for (const h of bioHandles(a.bio)[platform]) add(h);
  const own = exactHandle(a.username);
  add(own);
  // X handles have no dots: "amy.makes" is "amy_makes" or "amymakes" there.
  if (platform === 'X') {
    add(own.replace(/\./g, '_'));
    add(own.replace(/\./g, ''));
  }
  add(normalizeHandle(a.username));
  return { platform, usernames: out };
}

export async function discoverCounterparts(
  graph: GraphClient,
  bus: MatchEventBus,
  ingest: IngestUsernames,
  opts: DiscoveryOptions = {},
): Promise<DiscoveryResult> {
  const batch = opts.batchSize ?? 100;
  const sources = await graph.read<MatchableAccount>('matching/single-platform-accounts', { ids: opts.accountIds ?? null });
  const wanted: Record<Platform, Set<string>> = { TIKTOK: new Set(), X: new Set() };
  for (const a of sources) {
    const c = counterpartUsernames(a);
    for (const u of c.usernames) wanted[c.platform].add(u);
  }
  const found = new Set<string>(sources.map((a) => a.id));
  let alreadyKnown = 0;
  let lookedUp = 0;
  let ingested = 0;
  for (const platform of ['TIKTOK', 'X'] as const) {
    const usernames = [...wanted[platform]];
    const known = await graph.read<{ username: string; id: string }>('matching/accounts-by-usernames', { platform, usernames });
    const knownNames = new Set(known.map((k) => k.username));
    for (const k of known) found.add(k.id);
    alreadyKnown += knownNames.size;
    const fresh = usernames.filter((u) => !knownNames.has(u));
    lookedUp += fresh.length;
    for (let i = 0; i < fresh.length; i += batch) {
      const ids = await ingest(platform, fresh.slice(i, i + batch));
      ingested += ids.length;
      for (const id of ids) found.add(id);
    }
  }
  const matching = await matchAccountsIncrementally(graph, bus, [...found], { matching: opts.matching });
  return {
    sources: sources.length,
    proposed: { TIKTOK: wanted.TIKTOK.size, X: wanted.X.size },
    alreadyKnown,
    lookedUp,
    ingested,
    matching,
  };
}
