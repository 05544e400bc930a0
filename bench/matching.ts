/**
 * Matching benchmark: a full `runMatching` over a simulated world with about 100,000 accounts per
 * platform (profiles only, about half the creators on both platforms), including every Neo4j
 * write (matches, creator merges, events, blocking keys), then a rerun on unchanged data; compared
 * in the same process with the all-pairs approach on a 2,000-account-per-platform sample, scored
 * in memory, to show how each grows. Prints a table and returns the figures (the runner writes
 * them as JSON).
 *
 * Before the big run the sample also goes through the graph (written, matched, wiped): its figure
 * shows the growth through Neo4j, and it leaves the server as one that has run matching before,
 * which is the weekly job's case. A freshly started JVM first compiles the matching statements'
 * hot paths (measured: about 5 s of the big run on two cores); `--cold` skips the sample run to
 * measure that case.
 *
 * Run alone: `npm run build && node dist/bench/matching.js [accountsPerPlatform] [--cold]` (starts
 * its own Neo4j in a temporary folder), or through bench/run.ts.
 */
import { accountRecord, matchableAccounts } from '../src/simulators/records';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkInvariants, invariantsHold, type InvariantReport } from '../src/graph/invariants';
import { writeAccounts } from '../src/graph/accounts';
import { deriveCreator, withOrderKeys, type ReachInputAccount } from '../src/graph/creators';
import { accountId } from '../src/graph/model';
import { derivedOrderKeys, nameKey } from '../src/graph/order-keys';
import { allPairs, buildIndex, candidatePairs } from '../src/matching/blocking';
import { nullBus } from '../src/matching/events';
import { syncBlockKeys as storeBlockKeys, type MatchableRow } from '../src/matching/graph-keys';
import { cachedOptions } from '../src/matching/score';
import { runMatching } from '../src/matching/run';
import { scorePair, type MatchableAccount } from '../src/matching/score';
import { createDriver } from '../src/neo4j/driver';
import { GraphClient } from '../src/neo4j/graph-client';
import { wipeGraph } from '../src/neo4j/wipe';
import { startLocalNeo4j } from '../src/neo4j/local-server';
import { migrate } from '../src/neo4j/migrate';
import { projectRoot } from '../src/paths';
import { generateWorld, type World } from '../src/simulators/world';

export interface MatchingBenchOptions {
  /** Accounts per platform in the big run. Default 100,000. */
  accountsPerPlatform?: number;
  /** Accounts per platform in the all-pairs comparison. Default 2,000. */
  sampleAccountsPerPlatform?: number;
  /** World seed. Default 7. */
  seed?: number;
  /** Run the sample through the graph before the big run (see the top of this file). Default true. */
  sampleThroughGraph?: boolean;
  log?: (line: string) => void;
}

export interface ApproachFigures {
  approach: string;
  accountsPerPlatform: number;
  pairsScored: number;
  elapsedMs: number;
  pairsPerSecond: number;
}

export interface MatchingBenchResult {
  name: 'matching';
  /** The sample's run through the graph, before the big run; null with `--cold`. */
  sampleGraphRun: { accountsPerPlatform: number; accounts: number; candidatePairs: number; runMs: number; msPer1000Accounts: number } | null;
  big: {
    accountsPerPlatform: number;
    accounts: number;
    candidatePairs: number;
    auto: number;
    pending: number;
    writeAccountsMs: number;
    /** Storing the accounts' blocking keys at load, as ingestion does (set-up, not timed). */
    storeKeysMs: number;
    runMs: number;
    pairsPerSecond: number;
    phasesMs: Record<string, number>;
    /** The plan phase's steps (index is 0: a full run indexes during the load). */
    planStepsMs: Record<string, number>;
    /** Time per named query during the first run (statements and ms). */
    queriesMs: Record<string, { statements: number; ms: number }>;
    rerunMs: number;
    rerunChanges: number;
    /** Against the world's ground truth, after the first run: recall over ALL true pairs. */
    quality: BenchQuality;
    /**
     * The "limit" for the write part: the run's stored matches and as many events written again
     * with the plain driver (executeWrite, UNWIND ... CREATE, 10,000 rows per statement, no
     * comparison, no creators, no keys), against our statements for the same rows.
     */
    rawBaseline: { rows: number; rawMatchesMs: number; rawEventsMs: number; oursMatchesMs: number; oursEventsMs: number; ratio: number };
    /**
     * The creator merges' floor (rawMergeBaseline): the run's merges done again with the plain
     * driver, against ours: their statements' time summed over the two lanes, and the time from
     * the first merge statement's start to the last one's end (wall).
     */
    mergeBaseline: { rows: number; rawMergesMs: number; oursMergesMs: number; oursMergesWallMs: number; ratio: number };
    peakRssMb: number;
    peakHeapMb: number;
    /** 1-minute load average before and after the first run: the machine is shared. */
    loadAverage: { before: number; after: number };
    msPer1000Accounts: number;
    targetMs: number;
    withinTarget: boolean;
    /** The write path's invariants after both runs (graph/invariants.ts). */
    invariants: InvariantReport & { hold: boolean };
  };
  comparison: ApproachFigures[];
  /** All-pairs pairs / blocked pairs on the same sample, and the same ratio extrapolated to the big run. */
  growth: { samplePairRatio: number; bigAllPairs: number; bigPairRatio: number; blockedPairsPerAccountSample: number; blockedPairsPerAccountBig: number };
}

export interface BenchQuality {
  truePairs: number;
  auto: number;
  pending: number;
  autoPrecision: number;
  autoRecall: number;
  /** Share of the review queue (PENDING) that is a true pair. */
  pendingPrecision: number;
  /** True pairs in review / all true pairs. */
  pendingRecall: number;
  /** AUTO or PENDING true pairs / all true pairs. */
  foundRecall: number;
}

/** The stored statuses against the world's true pairs. */
async function qualityOf(graph: GraphClient, world: World): Promise<BenchQuality> {
  const truth = new Set(world.truth.pairs.map((p) => `${accountId('TIKTOK', p.tiktokUserId)}|${accountId('X', p.xUserId)}`));
  const rows = await graph.runText('MATCH (t:Account)-[m:MATCHED_TO]->(x:Account) RETURN t.id AS t, x.id AS x, m.status AS status');
  let auto = 0;
  let autoTrue = 0;
  let pending = 0;
  let pendingTrue = 0;
  for (const r of rows) {
    const hit = truth.has(`${String(r.t)}|${String(r.x)}`);
    if (r.status === 'AUTO') {
      auto++;
      if (hit) autoTrue++;
    } else if (r.status === 'PENDING') {
      pending++;
      if (hit) pendingTrue++;
    }
  }
  const n = Math.max(1, truth.size);
  return {
    truePairs: truth.size,
    auto,
    pending,
    autoPrecision: auto === 0 ? 1 : autoTrue / auto,
    autoRecall: autoTrue / n,
    pendingPrecision: pending === 0 ? 1 : pendingTrue / pending,
    pendingRecall: pendingTrue / n,
    foundRecall: (autoTrue + pendingTrue) / n,
  };
}

/** Creators giving about `perPlatform` accounts on each platform (the world puts 75% of creators on each). */
export function creatorsFor(perPlatform: number): number {
  return Math.round(perPlatform / 0.76);
}

/** Samples heap and RSS every 50 ms while `work` runs. */
async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ value: T; rssMb: number; heapMb: number }> {
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 50);
  try {
    const value = await work();
    const m = process.memoryUsage();
    return { value, rssMb: Math.max(rss, m.rss) / 2 ** 20, heapMb: Math.max(heap, m.heapUsed) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

function blockedInMemory(accounts: MatchableAccount[], perPlatform: number): ApproachFigures {
  const t0 = performance.now();
  const index = buildIndex(accounts);
  const ctx = { handleCount: index.handleCount };
  let n = 0;
  for (const c of candidatePairs(index)) {
    scorePair(c.tiktok, c.x, index.options, ctx);
    n++;
  }
  const ms = performance.now() - t0;
  return { approach: 'blocking (in memory)', accountsPerPlatform: perPlatform, pairsScored: n, elapsedMs: ms, pairsPerSecond: n / (ms / 1000) };
}

function allPairsInMemory(accounts: MatchableAccount[], perPlatform: number): ApproachFigures {
  const t0 = performance.now();
  const index = buildIndex(accounts);
  const ctx = { handleCount: index.handleCount };
  let n = 0;
  for (const p of allPairs(accounts)) {
    scorePair(p.tiktok, p.x, index.options, ctx);
    n++;
  }
  const ms = performance.now() - t0;
  return { approach: 'all pairs (in memory)', accountsPerPlatform: perPlatform, pairsScored: n, elapsedMs: ms, pairsPerSecond: n / (ms / 1000) };
}

function table(rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? Math.round(c).toLocaleString('en-US') : c)));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

const RAW_BATCH = 10_000;

/**
 * Writes the stored matches again as BENCH_MATCHED_TO edges and one BenchEvent node per match with
 * the plain driver, then deletes them: what the same rows cost with nothing of ours around them.
 */
async function rawDriverBaseline(graph: GraphClient): Promise<{ rows: number; matchesMs: number; eventsMs: number }> {
  const rows = await graph.runText(
    'MATCH (t:Account)-[m:MATCHED_TO]->(x:Account) RETURN m.id AS id, t.id AS tiktokId, x.id AS xId, m.score AS score, ' +
      'm.reasons AS reasons, m.evidence AS evidence, m.status AS status',
  );
  const at = new Date().toISOString();
  let t = performance.now();
  for (let i = 0; i < rows.length; i += RAW_BATCH) {
    await graph.runText(
      'UNWIND $rows AS r MATCH (t:Account {id: r.tiktokId}) MATCH (x:Account {id: r.xId}) ' +
        'CREATE (t)-[:BENCH_MATCHED_TO {id: r.id, score: r.score, reasons: r.reasons, evidence: r.evidence, status: r.status, ' +
        'createdAt: datetime($at), updatedAt: datetime($at)}]->(x)',
      { rows: rows.slice(i, i + RAW_BATCH), at },
    );
  }
  const matchesMs = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < rows.length; i += RAW_BATCH) {
    const events = rows.slice(i, i + RAW_BATCH).map((r, j) => ({
      id: `bev_${i + j}`, matchId: r.id, kind: 'CREATED', status: r.status, score: r.score, at, actor: 'matcher',
    }));
    await graph.runText(
      'UNWIND $rows AS r CREATE (:BenchEvent {id: r.id, matchId: r.matchId, kind: r.kind, previousStatus: null, ' +
        'previousScore: null, status: r.status, score: r.score, at: datetime(r.at), actor: r.actor, note: null})',
      { rows: events },
    );
  }
  const eventsMs = performance.now() - t;
  for (;;) {
    const [r] = await graph.runText('MATCH ()-[m:BENCH_MATCHED_TO]->() WITH m LIMIT 20000 DELETE m RETURN count(*) AS n');
    if (Number(r.n) === 0) break;
  }
  for (;;) {
    const [r] = await graph.runText('MATCH (e:BenchEvent) WITH e LIMIT 20000 DELETE e RETURN count(*) AS n');
    if (Number(r.n) === 0) break;
  }
  return { rows: rows.length, matchesMs, eventsMs };
}

/** A survivor of the first run's merges with its two accounts, as the merge floor rebuilds it (rawMergeBaseline). */
interface JoinedCreator {
  id: string;
  displayNameLower: string | null;
  lastPostAt: Date | null;
  reachNaive: number;
  reachLow: number;
  reachHigh: number;
  tiktokFollowers: number;
  xFollowers: number;
  platforms: string[];
  searchText: string;
  active: boolean;
  t: ReachInputAccount;
  x: ReachInputAccount;
}

/**
 * The merges' floor: the first run's creator merges done again with the plain driver. For each
 * creator the run made of two accounts, two scratch creators are written (set-up, not timed): one
 * per account, each a copy of it with the values a creator of that account alone derives
 * (graph/creators.ts), linked to its account by BENCH_HAS (not HAS_ACCOUNT, so the graph's own
 * creators are untouched). The timed part folds each pair as the run's merges do at the least:
 * the folded creator's link moves to the survivor, the survivor takes the joined creator's values
 * (reach, followers, platforms, search text, order keys) and the folded creator is deleted, in
 * 10,000-row statements, one stream. What it leaves out of ours: locking each account before
 * deciding, the account's previous creator, campaigns, tracking flags, the MERGE that keeps a
 * concurrent writer from adding a second link, two lanes. The scratch survivors are deleted after.
 * Measured after the runs, so the server has compiled these paths already (ours was measured cold).
 */
async function rawMergeBaseline(graph: GraphClient): Promise<{ rows: number; mergesMs: number }> {
  const account = (v: string) => `${v} {.id, .platform, .followers, .usernameLower, .displayName, .active, .lastPostAt} AS ${v}`;
  const joined = (await graph.runText(
    'MATCH (c:Creator)-[:HAS_ACCOUNT]->(t:Account {platform: \'TIKTOK\'}) MATCH (c)-[:HAS_ACCOUNT]->(x:Account {platform: \'X\'}) ' +
      'WHERE COUNT { (c)-[:HAS_ACCOUNT]->() } = 2 ' +
      'RETURN c.id AS id, c.displayNameLower AS displayNameLower, c.lastPostAt AS lastPostAt, c.reachNaive AS reachNaive, ' +
      'c.reachLow AS reachLow, c.reachHigh AS reachHigh, c.tiktokFollowers AS tiktokFollowers, c.xFollowers AS xFollowers, ' +
      `c.platforms AS platforms, c.searchText AS searchText, c.active AS active, ${account('t')}, ${account('x')}`,
  )) as unknown as JoinedCreator[];
  // A scratch creator: the values a creator of account `a` alone derives, with its order keys.
  const alone = (c: JoinedCreator, a: ReachInputAccount, id: string) => ({
    id,
    props: { ...withOrderKeys(id, deriveCreator({ accounts: [a], reasons: [] })).props, orderName: nameKey(c.displayNameLower, id) },
  });
  const rows = joined.map((c, i) => {
    const keep = alone(c, c.t, `bench_keep_${i}`);
    const { t, x, id, displayNameLower: _name, lastPostAt, ...values } = c;
    return {
      id,
      t: t.id,
      x: x.id,
      keep,
      gone: alone(c, x, `bench_gone_${i}`),
      // What the survivor takes: the joined creator's values, with its order keys for the survivor's id.
      joined: { ...values, ...derivedOrderKeys(keep.id, { ...values, lastPostMs: lastPostAt?.getTime() ?? 0 }) },
    };
  });
  for (let i = 0; i < rows.length; i += RAW_BATCH) {
    await graph.runText(
      'UNWIND $rows AS r MATCH (c:Creator {id: r.id}) MATCH (t:Account {id: r.t}) MATCH (x:Account {id: r.x}) ' +
        // The label last: a Creator holding the copied id for a moment would break its uniqueness.
        'CREATE (k) SET k = properties(c), k += r.keep.props, k.id = r.keep.id SET k:Creator ' +
        'CREATE (g) SET g = properties(c), g += r.gone.props, g.id = r.gone.id SET g:Creator ' +
        'CREATE (k)-[:BENCH_HAS]->(t) CREATE (g)-[:BENCH_HAS]->(x)',
      { rows: rows.slice(i, i + RAW_BATCH) },
    );
  }
  const folds = rows.map((r) => ({ keepId: r.keep.id, goneId: r.gone.id, props: r.joined }));
  let folded = 0;
  const t = performance.now();
  for (let i = 0; i < folds.length; i += RAW_BATCH) {
    const [r] = await graph.runText(
      'UNWIND $rows AS r MATCH (g:Creator {id: r.goneId})-[h:BENCH_HAS]->(a:Account) MATCH (k:Creator {id: r.keepId}) ' +
        'CREATE (k)-[:BENCH_HAS]->(a) DELETE h SET k += r.props DETACH DELETE g RETURN count(*) AS n',
      { rows: folds.slice(i, i + RAW_BATCH) },
    );
    folded += Number(r.n);
  }
  const mergesMs = performance.now() - t;
  if (folded !== rows.length) throw new Error(`merge floor: ${folded} of ${rows.length} scratch pairs folded`);
  // The scratch survivors, and any scratch creator a row left (none when every row folded).
  for (;;) {
    const [r] = await graph.runText("MATCH (c:Creator) WHERE c.id STARTS WITH 'bench_' WITH c LIMIT 20000 DETACH DELETE c RETURN count(*) AS n");
    if (Number(r.n) === 0) break;
  }
  return { rows: rows.length, mergesMs };
}

/**
 * Empties the graph and writes the world's accounts as ingestion leaves them: each account with a
 * creator of its own and its blocking keys stored (the lanes' incremental matcher stores an
 * account's keys as it is written, graph-keys.ts; `keys: false` leaves them out), no matches yet. Returns the ms to write the
 * accounts and to store their keys (set-up, not part of the timed run).
 */
export async function loadWorld(graph: GraphClient, world: World, opts: { keys?: boolean } = {}): Promise<{ accountsMs: number; keysMs: number }> {
  await wipeGraph(graph);
  await migrate(graph);
  const t = performance.now();
  const records = [...world.tiktok.accounts, ...world.x.accounts].map((a) => accountRecord(a));
  for (let i = 0; i < records.length; i += 10_000) await writeAccounts(graph, records.slice(i, i + 10_000), { refresh: false });
  const accountsMs = performance.now() - t;
  if (opts.keys === false) return { accountsMs, keysMs: 0 };
  const k = performance.now();
  await storeBlockKeys(graph, await graph.read<MatchableRow>('matching/all-matchable-accounts'), cachedOptions(undefined));
  return { accountsMs, keysMs: performance.now() - k };
}

/** Runs the benchmark against `graph`, which it empties first. */
export async function benchMatching(graph: GraphClient, opts: MatchingBenchOptions = {}): Promise<MatchingBenchResult> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const perPlatform = opts.accountsPerPlatform ?? 100_000;
  const samplePer = opts.sampleAccountsPerPlatform ?? 2_000;
  const seed = opts.seed ?? 7;

  // The comparison on the sample: blocking vs all pairs, both in memory, same scorer.
  const sample = generateWorld({ creators: creatorsFor(samplePer), accountsOnly: true, seed });
  const sampleAccounts = matchableAccounts(sample);
  const samplePerPlatform = sample.tiktok.accounts.length;
  const blockedSample = blockedInMemory(sampleAccounts, samplePerPlatform);
  const allSample = allPairsInMemory(sampleAccounts, samplePerPlatform);

  let sampleGraphRun: MatchingBenchResult['sampleGraphRun'] = null;
  if (opts.sampleThroughGraph ?? true) {
    await loadWorld(graph, sample);
    const r = await runMatching(graph, nullBus);
    sampleGraphRun = {
      accountsPerPlatform: samplePerPlatform,
      accounts: r.accountsConsidered,
      candidatePairs: r.candidatePairs,
      runMs: r.durationMs,
      msPer1000Accounts: r.durationMs / (r.accountsConsidered / 1000),
    };
    log(`matching bench: sample through the graph, ${r.accountsConsidered.toLocaleString('en-US')} accounts: ${r.durationMs} ms`);
  }

  // The big run, through the graph.
  log(`matching bench: generating ${perPlatform.toLocaleString('en-US')} accounts per platform`);
  const world = generateWorld({ creators: creatorsFor(perPlatform), accountsOnly: true, seed });
  const accounts = [...world.tiktok.accounts, ...world.x.accounts];
  const loaded = await loadWorld(graph, world);
  const writeAccountsMs = loaded.accountsMs;
  log(
    `matching bench: ${accounts.length.toLocaleString('en-US')} accounts written in ${(writeAccountsMs / 1000).toFixed(1)} s, ` +
      `their blocking keys stored (as ingestion does) in ${(loaded.keysMs / 1000).toFixed(1)} s (set-up, not timed)`,
  );

  const perQuery = new Map<string, { n: number; ms: number }>();
  // From the first merge statement's start to the last one's end: the two lanes overlap.
  const mergeSpan = { start: Infinity, end: -Infinity };
  const stop = graph.observe((e) => {
    const q = perQuery.get(e.name) ?? { n: 0, ms: 0 };
    q.n++;
    q.ms += e.ms;
    perQuery.set(e.name, q);
    if (e.name === 'graph/merge-creator-groups') {
      const end = performance.now();
      mergeSpan.start = Math.min(mergeSpan.start, end - e.ms);
      mergeSpan.end = Math.max(mergeSpan.end, end);
    }
  });
  const loadBefore = loadavg()[0];
  const { value: run, rssMb, heapMb } = await withPeakMemory(() => runMatching(graph, nullBus));
  const loadAfter = loadavg()[0];
  stop();
  const quality = await qualityOf(graph, world);
  const t = performance.now();
  const rerun = await runMatching(graph, nullBus);
  const rerunMs = performance.now() - t;
  // After both runs: one creator per account, one MATCHED_TO per pair, no duplicate edge.
  const invariants = await checkInvariants(graph);
  const bigBlocked = blockedInMemory(matchableAccounts(world), world.tiktok.accounts.length);
  const raw = await rawDriverBaseline(graph);
  const rawMerges = await rawMergeBaseline(graph);
  const oursMs = (...names: string[]) => names.reduce((sum, n) => sum + (perQuery.get(n)?.ms ?? 0), 0);
  const oursMatchesMs = oursMs('graph/create-matches', 'graph/upsert-matches');
  const oursEventsMs = oursMs('graph/record-match-events');
  const oursMergesMs = oursMs('graph/merge-creator-groups');
  const oursMergesWallMs = mergeSpan.end > mergeSpan.start ? mergeSpan.end - mergeSpan.start : 0;

  const bigAllPairs = world.tiktok.accounts.length * world.x.accounts.length;
  const targetMs = 30_000;
  const result: MatchingBenchResult = {
    name: 'matching',
    sampleGraphRun,
    big: {
      accountsPerPlatform: world.tiktok.accounts.length,
      accounts: run.accountsConsidered,
      candidatePairs: run.candidatePairs,
      auto: run.auto,
      pending: run.pending,
      writeAccountsMs,
      storeKeysMs: loaded.keysMs,
      runMs: run.durationMs,
      pairsPerSecond: run.candidatePairs / (run.durationMs / 1000),
      phasesMs: Object.fromEntries(Object.entries(run.phases).map(([k, v]) => [k, Math.round(v)])),
      planStepsMs: Object.fromEntries(Object.entries(run.planSteps ?? {}).map(([k, v]) => [k, Math.round(v)])),
      queriesMs: Object.fromEntries([...perQuery].sort((a, b) => b[1].ms - a[1].ms).map(([k, v]) => [k, { statements: v.n, ms: Math.round(v.ms) }])),
      rerunMs,
      rerunChanges: rerun.created + rerun.changed + rerun.keysSynced,
      quality,
      rawBaseline: {
        rows: raw.rows,
        rawMatchesMs: raw.matchesMs,
        rawEventsMs: raw.eventsMs,
        oursMatchesMs,
        oursEventsMs,
        ratio: (oursMatchesMs + oursEventsMs) / Math.max(1, raw.matchesMs + raw.eventsMs),
      },
      mergeBaseline: {
        rows: rawMerges.rows,
        rawMergesMs: rawMerges.mergesMs,
        oursMergesMs,
        oursMergesWallMs,
        ratio: oursMergesWallMs / Math.max(1, rawMerges.mergesMs),
      },
      peakRssMb: rssMb,
      peakHeapMb: heapMb,
      loadAverage: { before: loadBefore, after: loadAfter },
      msPer1000Accounts: run.durationMs / (run.accountsConsidered / 1000),
      targetMs,
      withinTarget: run.durationMs <= targetMs,
      invariants: { hold: invariantsHold(invariants), ...invariants },
    },
    comparison: [
      blockedSample,
      allSample,
      bigBlocked,
      {
        approach: 'all pairs (extrapolated)',
        accountsPerPlatform: world.tiktok.accounts.length,
        pairsScored: bigAllPairs,
        elapsedMs: bigAllPairs / allSample.pairsPerSecond * 1000,
        pairsPerSecond: allSample.pairsPerSecond,
      },
    ],
    growth: {
      samplePairRatio: allSample.pairsScored / Math.max(1, blockedSample.pairsScored),
      bigAllPairs,
      bigPairRatio: bigAllPairs / Math.max(1, run.candidatePairs),
      blockedPairsPerAccountSample: blockedSample.pairsScored / sampleAccounts.length,
      blockedPairsPerAccountBig: run.candidatePairs / run.accountsConsidered,
    },
  };

  const b = result.big;
  log('');
  log(table([
    ['full run (Neo4j, incl. writes)', 'accounts', 'pairs scored', 'AUTO', 'PENDING', 'ms', 'pairs/s', 'peak RSS MB'],
    ['first run', b.accounts, b.candidatePairs, b.auto, b.pending, b.runMs, b.pairsPerSecond, b.peakRssMb],
    ['rerun, unchanged data', b.accounts, rerun.candidatePairs, rerun.auto, rerun.pending, b.rerunMs, rerun.candidatePairs / (b.rerunMs / 1000), 0],
  ]));
  if (sampleGraphRun) {
    log(
      `through the graph: sample (${sampleGraphRun.accountsPerPlatform.toLocaleString('en-US')} per platform) ${sampleGraphRun.runMs} ms, ` +
        `${sampleGraphRun.msPer1000Accounts.toFixed(0)} ms per 1,000 accounts; big run ${b.msPer1000Accounts.toFixed(0)} ms per 1,000 accounts`,
    );
  } else {
    log('cold: the big run is the server\'s first matching run (no sample run through the graph before it)');
  }
  const q = b.quality;
  log(
    `quality against the world's truth (${q.truePairs.toLocaleString('en-US')} true pairs, recall over all of them): ` +
      `AUTO ${q.auto.toLocaleString('en-US')} precision ${q.autoPrecision.toFixed(3)} recall ${q.autoRecall.toFixed(3)}; ` +
      `PENDING ${q.pending.toLocaleString('en-US')} precision ${q.pendingPrecision.toFixed(3)} recall ${q.pendingRecall.toFixed(3)}; ` +
      `AUTO or PENDING recall ${q.foundRecall.toFixed(3)}`,
  );
  log(`load average (1 min) before / after the first run: ${b.loadAverage.before.toFixed(1)} / ${b.loadAverage.after.toFixed(1)} on ${cpus().length} cores`);
  log(`phases (ms): ${Object.entries(b.phasesMs).map(([k, v]) => `${k} ${v}`).join(', ')}; rerun changes: ${b.rerunChanges}`);
  log(`plan steps (ms): ${Object.entries(b.planStepsMs).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  log(`Neo4j statements (ms): ${Object.entries(b.queriesMs).map(([k, v]) => `${k} ${v.ms} (${v.statements})`).join(', ')}`);
  const rb = b.rawBaseline;
  log(
    `write limit (plain driver, same ${rb.rows.toLocaleString('en-US')} rows): matches ${Math.round(rb.rawMatchesMs)} ms, events ${Math.round(rb.rawEventsMs)} ms; ` +
      `ours ${Math.round(rb.oursMatchesMs)} ms and ${Math.round(rb.oursEventsMs)} ms: ${rb.ratio.toFixed(2)}x the plain driver`,
  );
  const mb = b.mergeBaseline;
  log(
    `merge limit (plain driver, the run's ${mb.rows.toLocaleString('en-US')} two-account creators folded again, warm, one stream): ${Math.round(mb.rawMergesMs)} ms; ` +
      `ours ${Math.round(mb.oursMergesWallMs)} ms from first to last statement (${Math.round(mb.oursMergesMs)} ms summed over the lanes): ${mb.ratio.toFixed(2)}x the plain driver`,
  );
  log(`target: first run under ${targetMs / 1000} s: ${b.withinTarget ? 'met' : 'NOT met'}`);
  log(`write-path invariants after both runs: ${b.invariants.hold ? 'hold (one creator per account, one MATCHED_TO per pair, no duplicate edge)' : `BROKEN: ${JSON.stringify(b.invariants)}`}`);
  log('');
  log(table([
    ['scoring approach', 'accounts/platform', 'pairs scored', 'ms', 'pairs/s'],
    ...result.comparison.map((c) => [c.approach, c.accountsPerPlatform, c.pairsScored, c.elapsedMs, c.pairsPerSecond]),
  ]));
  log(
    `growth: on the sample all pairs score ${result.growth.samplePairRatio.toFixed(0)}x the pairs blocking does; ` +
      `at ${b.accountsPerPlatform.toLocaleString('en-US')} per platform ${result.growth.bigPairRatio.toFixed(0)}x. ` +
      `Blocked pairs per account: ${result.growth.blockedPairsPerAccountSample.toFixed(2)} (sample) vs ${result.growth.blockedPairsPerAccountBig.toFixed(2)} (big): linear.`,
  );
  return result;
}

/** Entry point for the bench runner: same signature as the other benches. */
export async function run(ctx: { graph: GraphClient; log?: (line: string) => void }): Promise<MatchingBenchResult> {
  return benchMatching(ctx.graph, { log: ctx.log });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cold = args.includes('--cold');
  const perPlatform = Number(args.find((a) => !a.startsWith('--')) ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-matching-'));
  const neo = await startLocalNeo4j({ dir, port: 7790, heap: '2g', pageCacheMb: 1024 });
  const graph = new GraphClient(createDriver({ uri: neo.uri }));
  try {
    const result = await benchMatching(graph, { accountsPerPlatform: perPlatform, sampleThroughGraph: !cold });
    const out = join(projectRoot(), 'bench', 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'matching.json'), JSON.stringify(result, null, 2) + '\n');
    console.log(`wrote ${join(out, 'matching.json')}`);
  } finally {
    await graph.close();
    await neo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
