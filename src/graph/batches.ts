/** Rows per statement: large enough to amortise the round trip, small enough for one transaction. */
export const BATCH_SIZE = 500;

export function chunks<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Statements run side by side: Neo4j runs each transaction on one core, so a large write on a
 * multi-core server finishes sooner in two streams than in one. Two lanes are what the smallest
 * server we run on (two cores) can use; more would only queue.
 */
export const WRITE_LANES = 2;

/**
 * Writes `rows` in batches of `size`, in up to `lanes` streams running side by side. Rows that
 * share a lock key (`keysOf`: the ids of the nodes a row's statement locks) always go to the same
 * lane, in their order, so two streams never wait on (or deadlock over) each other's locks and
 * rows that must follow one another still do. Groups of rows linked by keys are dealt to the
 * least loaded lane in order of first appearance. Returns each batch's result, lane by lane.
 */
export async function inLanes<T, R>(
  rows: readonly T[],
  keysOf: (row: T) => readonly string[],
  size: number,
  run: (batch: T[]) => Promise<R>,
  lanes = WRITE_LANES,
): Promise<R[]> {
  if (rows.length <= size || lanes <= 1) {
    const out: R[] = [];
    for (const batch of chunks(rows, size)) out.push(await run(batch));
    return out;
  }
  // Union-find over the rows: rows sharing a key are one group.
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const holder = new Map<string, number>();
  rows.forEach((r, i) => {
    for (const k of keysOf(r)) {
      const j = holder.get(k);
      if (j === undefined) holder.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  const sizes = new Map<number, number>();
  for (let i = 0; i < rows.length; i++) {
    const g = find(i);
    sizes.set(g, (sizes.get(g) ?? 0) + 1);
  }
  const laneOfGroup = new Map<number, number>();
  const load = new Array<number>(lanes).fill(0);
  const perLane: T[][] = Array.from({ length: lanes }, () => []);
  rows.forEach((r, i) => {
    const g = find(i);
    let lane = laneOfGroup.get(g);
    if (lane === undefined) {
      lane = load.indexOf(Math.min(...load));
      laneOfGroup.set(g, lane);
      load[lane] += sizes.get(g)!;
    }
    perLane[lane].push(r);
  });
  // Every lane is waited for even when one fails, so nothing is still writing once this returns.
  const results = await Promise.allSettled(
    perLane.map(async (laneRows) => {
      const out: R[] = [];
      for (const batch of chunks(laneRows, size)) out.push(await run(batch));
      return out;
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.flatMap((r) => (r as PromiseFulfilledResult<R[]>).value);
}
