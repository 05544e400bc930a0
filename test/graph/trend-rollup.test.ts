/**
 * The daily hashtag rollup (graph/trend-rollup.ts): the write path keeps each (:TagDay)'s 24 slots
 * equal to its (:TagHour)s, and migration 006 rebuilds the same days on a graph that holds only the
 * hourly rollup (an upgrade), idempotently.
 */
import { loadMigrations } from '../../src/neo4j/migrate';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { generateWorld } from '../../src/simulators/world';
import { freshGraph } from '../support/graph';
import { loadWorldIntoGraph } from '../support/world-graph';

interface DaySnapshot {
  key: string;
  counts: number[];
  firsts: number[];
  total: number;
}

async function days(graph: GraphClient): Promise<DaySnapshot[]> {
  return (await graph.runText(
    'MATCH (d:TagDay) RETURN d.key AS key, d.counts AS counts, d.firsts AS firsts, d.total AS total ORDER BY key',
  )) as unknown as DaySnapshot[];
}

/** The days as the hours say they should be. */
async function daysFromHours(graph: GraphClient): Promise<Map<string, { counts: number[]; firsts: number[] }>> {
  const rows = await graph.runText(
    `MATCH (th:TagHour)
     RETURN th.platform + '|' + th.tag + '|' + toString(date(th.hour)) AS key, th.hour.hour AS h,
            th.creators AS c, CASE WHEN th.creators > 0 THEN th.firstAt.epochMillis ELSE 0 END AS f`,
  );
  const out = new Map<string, { counts: number[]; firsts: number[] }>();
  for (const r of rows as { key: string; h: number; c: number; f: number }[]) {
    const d = out.get(r.key) ?? { counts: Array(24).fill(0), firsts: Array(24).fill(0) };
    d.counts[r.h] = r.c;
    d.firsts[r.h] = r.f;
    out.set(r.key, d);
  }
  return out;
}

describe('daily hashtag rollup', () => {
  let graph: GraphClient;
  beforeAll(async () => {
    graph = await freshGraph();
    await loadWorldIntoGraph(graph, generateWorld({ seed: 5, creators: 40, days: 6 }));
  }, 300_000);
  afterAll(async () => {
    await graph.close();
  });

  it('keeps every day equal to its hours through the write path', async () => {
    const written = await days(graph);
    const expected = await daysFromHours(graph);
    expect(written.length).toBeGreaterThan(20);
    expect(written.length).toBe(expected.size);
    for (const d of written) {
      expect({ key: d.key, counts: d.counts, firsts: d.firsts }).toEqual({ key: d.key, ...expected.get(d.key) });
      expect(d.total).toBe(d.counts.reduce((a, b) => a + b, 0));
    }
  });

  it('migration 006 rebuilds the days of a graph that has only hours, and again changes nothing', async () => {
    const written = await days(graph);
    await graph.runText('MATCH (d:TagDay) DETACH DELETE d');
    const m = loadMigrations().find((x) => x.id === '006_trend_days');
    expect(m).toBeDefined();
    for (const s of m!.statements) await graph.runText(s);
    expect(await days(graph)).toEqual(written);
    for (const s of m!.statements) await graph.runText(s);
    expect(await days(graph)).toEqual(written);
  });
});
