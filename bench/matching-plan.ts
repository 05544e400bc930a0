/**
 * The matching run's plan step alone, without Neo4j: the benchmark's world (bench/matching.ts,
 * same seed and size) as the rows the load statement returns, through `planMatches` as a first
 * run sees it (no stored matches). For iterating on the plan's CPU: prints its time per phase
 * and a fingerprint of its output (every assignment with its status, score, log2 odds, reasons
 * and evidence), so a change that must not alter decisions can be checked to give the same
 * fingerprint. Not run by `npm run bench` (no `run` export): the headline is bench/matching.ts.
 *
 * `npm run build:ts && node dist/bench/matching-plan.js [accountsPerPlatform] [--seed N] [--repeat N] [--dump file] [--preindexed]`
 * (--preindexed: indexed first, then planned from the index, as a full run does; the time includes both);
 * profile with `node --cpu-prof --cpu-prof-dir=/tmp/prof dist/bench/matching-plan.js`.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { accountId } from '../src/graph/model';
import type { MatchableRowWithCreator } from '../src/matching/graph-keys';
import { BlockingIndex } from '../src/matching/blocking';
import { planMatches } from '../src/matching/plan';
import { cachedOptions } from '../src/matching/score';
import { generateWorld } from '../src/simulators/world';
import { creatorsFor } from './matching';

/** The world's accounts as the load statement's rows (same fields, same order), each with a creator of its own. */
function rowsOf(world: ReturnType<typeof generateWorld>): MatchableRowWithCreator[] {
  return [...world.tiktok.accounts, ...world.x.accounts].map((a, i) => ({
    id: accountId(a.platform, a.id),
    platform: a.platform,
    username: a.username,
    displayName: a.displayName ?? null,
    bio: a.bio ?? null,
    bioLink: a.bioLink ?? null,
    blockKeys: null,
    followers: a.followers,
    usernameLower: a.username.toLowerCase(),
    active: true,
    lastPostMs: null,
    creatorId: `cr_${i}`,
    creatorCreatedS: 1_790_000_000 + i,
    creatorCreatedNs: 0,
    creatorAccounts: 1,
  }));
}

function main(): void {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  const perPlatform = Number(positional[0] ?? 100_000);
  const seed = Number(flag('--seed') ?? 7);
  const repeat = Number(flag('--repeat') ?? 1);
  const dump = flag('--dump');

  let t = performance.now();
  const world = generateWorld({ creators: creatorsFor(perPlatform), accountsOnly: true, seed });
  console.log(`world: ${world.tiktok.accounts.length} + ${world.x.accounts.length} accounts, seed ${seed}, generated in ${Math.round(performance.now() - t)} ms`);
  const opts = cachedOptions(undefined);
  for (let r = 0; r < repeat; r++) {
    // Fresh rows each time: features are memoised per account object, as a real run's rows are new.
    const rows = rowsOf(world);
    const load = loadavg()[0];
    t = performance.now();
    const cpu0 = process.cpuUsage();
    // --preindexed: the accounts indexed first, as a full run does while they load (load.ts).
    let input: MatchableRowWithCreator[] | BlockingIndex = rows;
    if (args.includes('--preindexed')) {
      const index = new BlockingIndex(opts);
      for (const row of rows) index.add(row);
      input = index;
      console.log(`indexed before planning in ${Math.round(performance.now() - t)} ms`);
    }
    const plan = planMatches(input, opts, []);
    const ms = performance.now() - t;
    const cpu = process.cpuUsage(cpu0);
    const hash = createHash('sha256');
    const lines: string[] = [];
    for (const a of plan.assignments) {
      const p = a.pair;
      const line = JSON.stringify([a.tiktokId, a.xId, a.status, a.why, a.conflictsWith, p?.score, p?.log2Odds, p?.probability, p?.reasons, p?.evidence]);
      hash.update(line + '\n');
      if (dump) lines.push(line);
    }
    const em = plan.em ? `EM ${plan.em.iterations} iterations (${plan.em.converged ? 'converged' : 'not converged'})` : 'no EM';
    const statuses = { AUTO: 0, PENDING: 0, none: 0 };
    for (const a of plan.assignments) statuses[a.status === 'AUTO' ? 'AUTO' : a.status === 'PENDING' ? 'PENDING' : 'none']++;
    console.log(
      `run ${r + 1}: plan ${Math.round(ms)} ms, CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms (load avg ${load.toFixed(2)}; started ${Math.round(t)} ms after the process); candidates ${plan.candidateCount}, scored ${plan.scored.length}, ` +
        `assignments ${plan.assignments.length} (AUTO ${statuses.AUTO}, PENDING ${statuses.PENDING}), ${em}; ` +
        `phases ${JSON.stringify(plan.timings ?? {})}; fingerprint ${hash.digest('hex').slice(0, 16)}`,
    );
    if (dump && r === 0) writeFileSync(dump, lines.join('\n') + '\n');
  }
  const m = process.memoryUsage();
  console.log(`heap ${Math.round(m.heapUsed / 2 ** 20)} MB, rss ${Math.round(m.rss / 2 ** 20)} MB`);
}

main();
