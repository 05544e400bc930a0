/**
 * Where a V8 CPU profile's time went: `node dist/bench/api/profile-summary.js <file.cpuprofile> [top]`.
 * Self time is summed by package (node_modules/<pkg>), by our own files (dist/src/...), and by
 * function; "inclusive" sums each function's whole subtree once per stack (what a flame graph's
 * width shows), so a resolver's total includes the driver calls under it.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export function owner(url: string): string {
  if (!url) return '(native/V8)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const dist = /\/dist\/(.*)$/.exec(url);
  if (dist) return dist[1];
  if (url.startsWith('node:')) return url;
  return url;
}

export function summarize(p: Profile, top = 25) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self.entries()].filter(([id]) => ['(idle)', '(program)'].includes(byId.get(id)!.callFrame.functionName)).reduce((a, [, t]) => a + t, 0);
  const add = (m: Map<string, number>, k: string, t: number) => m.set(k, (m.get(k) ?? 0) + t);
  const byOwner = new Map<string, number>();
  const byFn = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id)!;
    const f = n.callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
    add(byOwner, owner(f.url), t);
    add(byFn, `${f.functionName || '(anonymous)'} ${owner(f.url)}:${f.lineNumber + 1}`, t);
    // Each distinct frame on this sample's stack gets the sample once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = byId.get(cur)!.callFrame;
      const key = `${cf.functionName || '(anonymous)'} ${owner(cf.url)}:${cf.lineNumber + 1}`;
      if (!seen.has(key)) {
        seen.add(key);
        add(inclusive, key, t);
      }
    }
  }
  const busy = total - idle;
  const rows = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, t]) => ({ what: k, ms: Math.round(t / 1000), pctBusy: Math.round((t / busy) * 1000) / 10 }));
  return { wallMs: Math.round((p.endTime - p.startTime) / 1000), busyMs: Math.round(busy / 1000), byOwner: rows(byOwner), selfByFunction: rows(byFn), inclusive: rows(inclusive) };
}

if (require.main === module) {
  const [file, topArg] = process.argv.slice(2);
  if (!file) {
    console.error('usage: profile-summary.js <file.cpuprofile> [top]');
    process.exit(2);
  }
  const s = summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(topArg ?? 25));
  console.log(`wall ${s.wallMs} ms, busy ${s.busyMs} ms`);
  for (const [title, rows] of [['self time by package / file', s.byOwner], ['self time by function', s.selfByFunction], ['inclusive time by function', s.inclusive]] as const) {
    console.log(`\n${title}:`);
    for (const r of rows) console.log(`${String(r.pctBusy).padStart(5)}%  ${String(r.ms).padStart(6)} ms  ${r.what}`);
  }
}
