import { Concurrent } from '../../src/neo4j/concurrent';

const later = <T>(ms: number, value: T, fail = false): Promise<T> =>
  new Promise((resolve, reject) => setTimeout(() => (fail ? reject(value) : resolve(value)), ms));

describe('Concurrent', () => {
  it('runs pieces side by side: one may wait on another started after it', async () => {
    const c = new Concurrent();
    const done: string[] = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    c.start(async () => {
      await gate;
      done.push('waited');
    });
    c.start(async () => {
      await later(5, null);
      done.push('opened');
      open();
    });
    await c.settled();
    expect(done).toEqual(['opened', 'waited']);
  });

  it('holds a failure until settled, waits for the other pieces, then throws the first failure', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const c = new Concurrent();
      let slowFinished = false;
      c.start(() => later(5, new Error('first'), true));
      c.start(async () => {
        await later(40, null);
        slowFinished = true;
      });
      c.start(() => later(10, new Error('second'), true));
      await later(20, null);
      await expect(c.settled()).rejects.toThrow('first');
      expect(slowFinished).toBe(true);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('lets a later piece wait for an earlier one through the returned promise', async () => {
    const c = new Concurrent();
    const order: string[] = [];
    const first = c.start(async () => {
      await later(20, null);
      order.push('first');
    });
    c.start(async () => {
      await first;
      order.push('second');
    });
    await c.settled();
    expect(order).toEqual(['first', 'second']);
  });
});
