/**
 * inLanes: rows sharing a lock key stay in one lane and in order, lanes run side by side, and a
 * failing lane is reported only once every lane has stopped writing.
 */
import { inLanes } from '../../src/graph/batches';

interface Row {
  id: number;
  keys: string[];
}

/** A deferred batch: the test decides when each one finishes. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

describe('inLanes', () => {
  it('keeps rows sharing a key in one lane, in order, and balances the groups over the lanes', async () => {
    // Rows 0, 2 and 5 are linked through accounts a and b; the rest stand alone.
    const rows: Row[] = [
      { id: 0, keys: ['a'] }, { id: 1, keys: ['c'] }, { id: 2, keys: ['a', 'b'] }, { id: 3, keys: ['d'] },
      { id: 4, keys: ['e'] }, { id: 5, keys: ['b'] }, { id: 6, keys: ['f'] }, { id: 7, keys: ['g'] },
    ];
    const batches: number[][] = [];
    await inLanes(rows, (r) => r.keys, 2, async (batch) => {
      batches.push(batch.map((r) => r.id));
    });
    // Lanes take turns (each awaits its batch): batches 0 and 2 are one lane's, 1 and 3 the other's.
    const lanes = [[...batches[0], ...batches[2]], [...batches[1], ...batches[3]]];
    expect(batches).toHaveLength(4);
    expect(lanes.flat().sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // The linked rows share a lane, in their order; the lanes carry four rows each.
    const linkedLane = lanes.find((l) => l.includes(0))!;
    expect(linkedLane.filter((id) => [0, 2, 5].includes(id))).toEqual([0, 2, 5]);
    expect(lanes.map((l) => l.length)).toEqual([4, 4]);
  });

  it('runs lanes side by side and waits for every lane before reporting a failure', async () => {
    const rows: Row[] = Array.from({ length: 4 }, (_, i) => ({ id: i, keys: [`k${i}`] }));
    const gates = [gate(), gate()];
    let started = 0;
    let finished = 0;
    const run = inLanes(rows, (r) => r.keys, 2, async (batch) => {
      const lane = started++;
      // Both lanes' first batches start before either finishes: they run side by side.
      if (lane < 2) await gates[lane].promise;
      if (batch.some((r) => r.id === 0)) throw new Error('lane failed');
      finished++;
    });
    await new Promise((r) => setImmediate(r));
    expect(started).toBe(2);
    gates[0].open();
    gates[1].open();
    await expect(run).rejects.toThrow('lane failed');
    // The other lane's batch had finished by the time the failure was reported.
    expect(finished).toBe(1);
  });

  it('writes small inputs in one stream, in order', async () => {
    const seen: number[] = [];
    await inLanes([1, 2, 3], (n) => [String(n)], 10, async (batch) => {
      seen.push(...batch);
    });
    expect(seen).toEqual([1, 2, 3]);
  });
});
