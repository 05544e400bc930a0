/**
 * Where a cold first render of the explorer spends its time: one page load traced through Chrome
 * DevTools Protocol (Tracing, with V8's sampling CPU profiler), summarised as
 *
 * - a timeline from navigation start: each script's and the neighbourhood request's send and finish
 *   times, the page's own marks (cg-first-load, cg-page-loaded, cg-graph-drawn, cg-graph-settled);
 * - the renderer main thread's long tasks (over 8 ms) with what ran in them (trace event kinds:
 *   compile, evaluate, style, layout, paint, GC) and the sources the CPU samples fell in;
 * - CPU self time between navigation and the first picture by source (each sample's position in
 *   the bundles mapped back through their source maps to the original file: react-dom, cytoscape,
 *   cytoscape-fcose, our src/web code) and the heaviest functions.
 *
 * Used by bench/explorer.ts (BENCH_EXPLORER_PROFILE=1: one more cold run, traced, beside the timed
 * ones, so tracing never slows a counted run) and on its own against a kept store, for iterating:
 *
 *   node dist/bench/explorer.js profile [runs]      (PROFILE_NEO4J_DIR keeps the world between calls)
 *
 * The last trace is written to test-output/profile/explorer-cold.json (open it in Chrome's
 * Performance panel).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMapConsumer, type RawSourceMap } from 'source-map';
import type { BrowserContext } from 'playwright-core';

export interface TraceSummary {
  marks: Record<string, number>;
  resources: { url: string; sentMs: number; finishedMs: number }[];
  longTasks: { startMs: number; ms: number; kinds: Record<string, number>; sources: Record<string, number> }[];
  /** CPU self time from navigation start to the first picture, by original source (ms). */
  bySource: Record<string, number>;
  /** The same by trace event kind on the main thread (ms, nested kinds counted once, innermost). */
  byKind: Record<string, number>;
  topFunctions: { fn: string; ms: number }[];
}

type TraceEvent = {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown> & { data?: Record<string, unknown> };
};

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink.user_timing',
  'loading',
  'toplevel',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.gc',
];

/** Opens `url` in `context`'s page with tracing on; resolves with the raw trace once the graph is ready. */
export async function traceLoad(context: BrowserContext, url: string): Promise<TraceEvent[]> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((res) => cdp.once('Tracing.tracingComplete', () => res()));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' } });
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('[data-testid="graph"][data-state="ready"]').waitFor({ timeout: 60_000 });
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  return events;
}

/** Maps bundle positions to original source files through each bundle's .map next to it. */
class Sources {
  private readonly maps = new Map<string, SourceMapConsumer | null>();
  constructor(private readonly distDir: string) {}

  private mapOf(url: string): SourceMapConsumer | null {
    if (!this.maps.has(url)) {
      let m: SourceMapConsumer | null = null;
      try {
        const path = join(this.distDir, new URL(url).pathname);
        m = new SourceMapConsumer(JSON.parse(readFileSync(`${path}.map`, 'utf8')) as RawSourceMap);
      } catch {
        m = null;
      }
      this.maps.set(url, m);
    }
    return this.maps.get(url) ?? null;
  }

  /** The original file (node_modules package, or path under src/web) and function name of a frame. */
  locate(frame: { url: string; functionName: string; lineNumber: number; columnNumber: number }): { source: string; fn: string } {
    if (!frame.url) return { source: frame.functionName ? `(${frame.functionName})` : '(native)', fn: frame.functionName || '(anonymous)' };
    const m = this.mapOf(frame.url);
    if (!m) return { source: frame.url.replace(/^.*\//, ''), fn: frame.functionName || '(anonymous)' };
    const pos = m.originalPositionFor({ line: frame.lineNumber + 1, column: Math.max(0, frame.columnNumber) });
    const file = pos.source ?? '?';
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
    const source = pkg ?? file.replace(/^.*?src\/web\//, 'src/web/');
    return { source, fn: `${pos.name ?? frame.functionName ?? '(anonymous)'} (${source}:${pos.line ?? '?'})` };
  }
}

/** Main-thread trace event kinds, grouped into the phases a reader cares about. */
const KIND_OF_EVENT: Record<string, string> = {
  'v8.compile': 'compile',
  'v8.compileModule': 'compile',
  'V8.CompileCode': 'compile',
  'v8.produceModuleCache': 'compile',
  'v8.evaluateModule': 'evaluate',
  EvaluateScript: 'evaluate',
  FunctionCall: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  'V8.Execute': 'script',
  ParseHTML: 'html',
  ParseAuthorStyleSheet: 'style',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  Commit: 'paint',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  'V8.GC_MC_BACKGROUND_EVACUATE_COPY': 'gc',
  BlinkGC: 'gc',
};

export function summariseTrace(events: TraceEvent[], distDir: string): TraceSummary {
  // The page's renderer: the process with our marks in it.
  const drawnMark = events.find((e) => e.name === 'cg-graph-drawn' && e.cat.includes('user_timing'));
  if (!drawnMark) throw new Error('trace: no cg-graph-drawn mark');
  const pid = drawnMark.pid;
  // The page's main thread: the one its marks were made on (a renderer can host other frames' threads).
  const mainTid = drawnMark.tid;
  const nav = events.filter((e) => e.pid === pid && e.name === 'navigationStart').map((e) => e.ts);
  const t0 = nav.length > 0 ? Math.max(...nav) : Math.min(...events.filter((e) => e.pid === pid && e.ts > 0).map((e) => e.ts));
  const ms = (ts: number) => Math.round((ts - t0) / 100) / 10;

  const marks: Record<string, number> = {};
  for (const e of events) {
    if (e.pid !== pid || !e.cat.includes('user_timing') || !e.name.startsWith('cg-')) continue;
    if (e.ph === 'b') marks[`${e.name} start`] = ms(e.ts);
    else if (e.ph === 'e') marks[`${e.name} end`] = ms(e.ts);
    else if (!(e.name in marks)) marks[e.name] = ms(e.ts);
  }
  const drawnTs = drawnMark.ts;

  const sent = new Map<string, { url: string; ts: number }>();
  const resources: TraceSummary['resources'] = [];
  for (const e of events) {
    const d = e.args?.data as { requestId?: string; url?: string; finishTime?: number } | undefined;
    if (e.name === 'ResourceSendRequest' && d?.requestId && d.url && /^https?:/.test(d.url)) sent.set(d.requestId, { url: d.url, ts: e.ts });
    if (e.name === 'ResourceFinish' && d?.requestId && sent.has(d.requestId)) {
      const s = sent.get(d.requestId)!;
      resources.push({ url: s.url.replace(/^https?:\/\/[^/]+/, ''), sentMs: ms(s.ts), finishedMs: d.finishTime ? Math.round((d.finishTime * 1e6 - t0) / 100) / 10 : ms(e.ts) });
    }
  }

  // CPU samples of the main thread, each with its leaf frame and time.
  const sources = new Sources(distDir);
  const samples: { ts: number; ms: number; source: string; fn: string }[] = [];
  const nodes = new Map<number, { callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number } }>();
  const profileIds = new Set(events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === mainTid).map((e) => e.id));
  let ts = 0;
  const raw: { ts: number; node: number }[] = [];
  for (const e of events) {
    if (e.name === 'Profile' && e.pid === pid && profileIds.has(e.id)) ts = Number((e.args?.data as { startTime: number }).startTime);
    // Profile ids repeat across processes ("0x1" in each renderer): the pid tells them apart.
    if (e.name !== 'ProfileChunk' || e.pid !== pid || !profileIds.has(e.id)) continue;
    const d = e.args?.data as { cpuProfile?: { nodes?: { id: number; callFrame: never }[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of d.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const s = d.cpuProfile?.samples ?? [];
    const deltas = d.timeDeltas ?? [];
    for (let i = 0; i < s.length; i++) {
      ts += deltas[i] ?? 0;
      raw.push({ ts, node: s[i] });
    }
  }
  raw.sort((a, b) => a.ts - b.ts);
  for (let i = 0; i < raw.length; i++) {
    const frame = nodes.get(raw[i].node)?.callFrame;
    if (!frame || frame.functionName === '(idle)') continue;
    const next = raw[i + 1]?.ts ?? raw[i].ts;
    const where = sources.locate(frame);
    samples.push({ ts: raw[i].ts, ms: Math.min(next - raw[i].ts, 10_000) / 1000, ...where });
  }

  const inWindow = samples.filter((s) => s.ts >= t0 && s.ts <= drawnTs);
  const bySource: Record<string, number> = {};
  const byFn: Record<string, number> = {};
  for (const s of inWindow) {
    bySource[s.source] = (bySource[s.source] ?? 0) + s.ms;
    byFn[s.fn] = (byFn[s.fn] ?? 0) + s.ms;
  }

  // Main-thread tasks, and the innermost known event kind over each instant (self time per kind).
  const main = events.filter((e) => e.pid === pid && e.tid === mainTid && e.ph === 'X' && e.dur !== undefined);
  const tasks = main.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
  const kinds = main.filter((e) => KIND_OF_EVENT[e.name]);
  const selfKinds = (from: number, to: number): Record<string, number> => {
    const inside = kinds.filter((e) => e.ts < to && e.ts + e.dur! > from).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const out: Record<string, number> = {};
    // Walk in 0.1 ms steps: the innermost (latest-starting) event covering the instant wins.
    for (let t = from; t < to; t += 100) {
      let k: string | undefined;
      for (const e of inside) if (e.ts <= t && t < e.ts + e.dur!) k = KIND_OF_EVENT[e.name];
      if (k) out[k] = (out[k] ?? 0) + 0.1;
    }
    return out;
  };
  const round1 = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v * 10) / 10]));
  const longTasks = tasks
    .filter((e) => e.dur! >= 8000 && e.ts + e.dur! >= t0 && e.ts <= drawnTs)
    .map((e) => {
      const src: Record<string, number> = {};
      for (const s of samples) if (s.ts >= e.ts && s.ts < e.ts + e.dur!) src[s.source] = (src[s.source] ?? 0) + s.ms;
      return { startMs: ms(e.ts), ms: Math.round(e.dur! / 100) / 10, kinds: round1(selfKinds(e.ts, e.ts + e.dur!)), sources: round1(src) };
    });
  return {
    marks,
    resources: resources.sort((a, b) => a.sentMs - b.sentMs),
    longTasks,
    bySource: round1(bySource),
    byKind: round1(selfKinds(t0, drawnTs)),
    topFunctions: Object.entries(byFn)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([fn, v]) => ({ fn, ms: Math.round(v * 10) / 10 })),
  };
}

export function describeSummary(s: TraceSummary): string[] {
  const top = (r: Record<string, number>, n = 8) =>
    Object.entries(r)
      .slice(0, n)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  return [
    `marks (ms from navigation start): ${Object.entries(s.marks).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    ...s.resources.map((r) => `  ${r.url.slice(0, 60).padEnd(60)} sent ${r.sentMs}  finished ${r.finishedMs}`),
    `main-thread time to the first picture by kind (ms): ${top(s.byKind, 10)}`,
    `CPU self time to the first picture by source (ms): ${top(s.bySource, 12)}`,
    'long tasks (>= 8 ms):',
    ...s.longTasks.map((t) => `  at ${t.startMs} ms, ${t.ms} ms: ${top(t.kinds, 5)} | ${top(t.sources, 5)}`),
    'heaviest functions to the first picture (self ms):',
    ...s.topFunctions.map((f) => `  ${String(f.ms).padStart(6)}  ${f.fn}`),
  ];
}

/** Saves a trace where Chrome's Performance panel can open it. */
export function saveTrace(events: TraceEvent[], dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ traceEvents: events }));
  return path;
}

