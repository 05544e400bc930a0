/**
 * The long jobs, each returning a flat summary the CLI prints at the end:
 *   ingest    refresh tracked profiles and posts now (what the schedule does), per tier
 *   backfill  load the backfill window of tracked creators still missing it; --world first tracks
 *             the simulated world (the demo's seed)
 *   replay    rebuild the graph from raw staging alone (idempotent)
 *   match     the full matching run
 *   export    the cross_platform_creators dimension as CSV / Parquet files, and into the
 *             PostgreSQL warehouse when WAREHOUSE_URL is set
 */
import type { Platform, TrackingTier } from '../graph/model';
import type { BackfillSummary } from '../ingest/backfill';
import { replayStaging } from '../ingest/replay';
import { refreshPosts, refreshProfiles, type RefreshDeps } from '../ingest/schedule';
import { createStaging } from '../ingest/staging';
import { runMatching } from '../matching/run';
import { discoverCounterparts } from '../matching/discovery';
import { laneLookup } from '../ingest/lookup';
import { runExport } from '../warehouse/export';
import type { FileFormat } from '../warehouse/files';
import type { CliContext } from './context';
import type { Progress } from './progress';

export type Summary = Record<string, string | number | boolean | null>;

export class UsageError extends Error {}

const TIERS: TrackingTier[] = ['TIER1', 'ACTIVE', 'LONG_TAIL'];

function platformOf(v: string | undefined): Platform | null {
  if (v === undefined) return null;
  const p = v.toUpperCase();
  if (p === 'TIKTOK' || p === 'X') return p;
  throw new UsageError(`--platform must be tiktok or x, got "${v}"`);
}

function tiersOf(v: string | undefined): TrackingTier[] {
  if (!v) return TIERS;
  const out = v.split(',').map((t) => t.trim().toUpperCase());
  for (const t of out) if (!TIERS.includes(t as TrackingTier)) throw new UsageError(`unknown tier "${t}" (TIER1, ACTIVE, LONG_TAIL)`);
  return out as TrackingTier[];
}

function backfillLines(b: BackfillSummary): Summary {
  return {
    'backfill accounts': b.accounts,
    'backfill done': b.done.length,
    'backfill failed': b.failed.length,
    'posts written': b.posts,
    amplifications: b.amplifications,
    deactivated: b.deactivated.length,
    'creators backfilled': b.creatorsBackfilled.length,
    'backfill seconds': Math.round(b.elapsedMs / 100) / 10,
  };
}

export interface CommandOptions {
  platform?: string;
  tiers?: string;
  'profiles-only'?: boolean;
  'posts-only'?: boolean;
  days?: string;
  world?: boolean;
  discover?: boolean;
  dir?: string;
  format?: string;
  out?: string;
}

function formatsOf(v: string | undefined): FileFormat[] {
  if (!v) return [];
  const out = v.split(/[,|]/).map((f) => f.trim().toLowerCase());
  for (const f of out) if (f !== 'csv' && f !== 'parquet') throw new UsageError(`--format must be csv, parquet or both (csv,parquet), got "${f}"`);
  return [...new Set(out)] as FileFormat[];
}

export async function exportCommand(ctx: CliContext, o: CommandOptions, progress: Progress): Promise<Summary> {
  const formats = formatsOf(o.format);
  if (formats.length > 0 && !o.out) throw new UsageError('--out DIR is needed with --format');
  const warehouseUrl = ctx.config.export.warehouseUrl;
  if (formats.length === 0 && !warehouseUrl) throw new UsageError('nothing to export to: give --format csv|parquet --out DIR, or set WAREHOUSE_URL');
  progress.update('export', 0, 1);
  const s = await runExport(ctx.graph, { formats, dir: o.out, warehouseUrl });
  progress.update('export', 1, 1);
  return {
    rows: s.rows,
    'inactive rows': s.inactiveRows,
    files: s.files.join(', ') || 'none',
    warehouse: s.warehouse ? `${s.warehouse.inserted} inserted, ${s.warehouse.updated} updated, ${s.warehouse.retired} retired` : 'WAREHOUSE_URL unset',
    seconds: Math.round(s.elapsedMs / 100) / 10,
  };
}

export async function ingestCommand(ctx: CliContext, o: CommandOptions, progress: Progress): Promise<Summary> {
  const rt = await ctx.ingestion();
  const platform = platformOf(o.platform);
  const tiers = tiersOf(o.tiers);
  const deps = (label: string): RefreshDeps => ({
    graph: ctx.graph,
    lanes: rt.lanes,
    now: rt.now.TIKTOK,
    backfillDays: ctx.config.ingest.backfillDays,
    logger: ctx.logger,
    onProgress: (p, done, total) => total > 0 && progress.update(`${label} ${p.toLowerCase()}`, done, total),
  });
  const t0 = Date.now();
  const profiles = o['posts-only'] ? undefined : await refreshProfiles(deps('profiles'), platform);
  const posts = o['profiles-only'] ? undefined : await refreshPosts(deps('posts'), tiers, platform);
  return {
    'profiles refreshed': profiles?.accountsWritten ?? 0,
    'accounts with posts read': posts?.accounts ?? 0,
    'posts written': posts?.posts ?? 0,
    'lane jobs': (profiles?.jobs ?? 0) + (posts?.jobs ?? 0),
    errors: (profiles?.errors ?? 0) + (posts?.errors ?? 0),
    seconds: Math.round((Date.now() - t0) / 100) / 10,
  };
}

export async function backfillCommand(ctx: CliContext, o: CommandOptions, progress: Progress): Promise<Summary> {
  const rt = await ctx.ingestion();
  const days = o.days === undefined ? undefined : Number(o.days);
  if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 3650)) throw new UsageError('--days must be a whole number of days, 1 to 3650');
  const onBackfill = (p: { platform: Platform; accountsDone: number; accountsFailed: number; accountsTotal: number }) =>
    progress.update(`backfill ${p.platform.toLowerCase()}`, p.accountsDone + p.accountsFailed, p.accountsTotal);
  if (o.world) {
    if (!rt.demo) throw new UsageError('--world needs the simulators: leave a provider key unset or set SIMULATE=true');
    const res = await rt.seedWorld({
      days,
      onProfiles: (p, done, total) => progress.update(`profiles ${p.toLowerCase()}`, done, total),
      onBackfill,
    });
    return { 'accounts tracked': res.accounts.length, 'profile errors': res.errors, ...backfillLines(res.backfill) };
  }
  const res = await rt.tracking.resumeBackfills(onBackfill);
  return backfillLines(res);
}

export async function replayCommand(ctx: CliContext, o: CommandOptions, progress: Progress): Promise<Summary> {
  const staging = createStaging({ dir: o.dir ?? ctx.config.ingest.stagingDir, logger: ctx.logger });
  const t0 = Date.now();
  try {
    let shown = 0;
    const r = await replayStaging(ctx.graph, staging, {
      logger: ctx.logger,
      // Cross-posts as the live lanes find them (the same hook), so replay leaves none undetected.
      onPostsWritten: (ids) => ctx.amplifications.postsWritten(ids),
      onProgress: (n) => {
        // The total is unknown until the files are read; the bar grows with them.
        if (n - shown >= 100) {
          shown = n;
          progress.update('exchanges', n, n);
        }
      },
    });
    progress.update('exchanges', r.exchanges, r.exchanges);
    return { ...r, seconds: Math.round((Date.now() - t0) / 100) / 10, 'staging dir': staging.dir };
  } finally {
    await staging.close();
  }
}

export async function matchCommand(ctx: CliContext, o: CommandOptions, progress: Progress): Promise<Summary> {
  let discovered: Summary = {};
  if (o.discover) {
    progress.update('discovery', 0, 1);
    const rt = await ctx.ingestion();
    const d = await discoverCounterparts(ctx.graph, ctx.bus, laneLookup(rt.lanes), { matching: ctx.config.matching });
    progress.update('discovery', 1, 1);
    discovered = {
      'discovery: one-platform accounts': d.sources,
      'discovery: usernames looked up': d.lookedUp,
      'discovery: accounts found': d.ingested,
    };
  }
  progress.update('matching run', 0, 1);
  const run = await runMatching(ctx.graph, ctx.bus, { matching: ctx.config.matching });
  progress.update('matching run', 1, 1);
  return {
    'run id': run.id,
    'accounts considered': run.accountsConsidered,
    'candidate pairs': run.candidatePairs,
    auto: run.auto,
    pending: run.pending,
    created: run.created,
    changed: run.changed,
    merged: run.merged,
    split: run.split,
    seconds: Math.round(run.durationMs / 100) / 10,
    ...discovered,
  };
}

export const COMMANDS = {
  ingest: ingestCommand,
  backfill: backfillCommand,
  replay: replayCommand,
  match: matchCommand,
  export: exportCommand,
} as const;
export type CommandName = keyof typeof COMMANDS;
