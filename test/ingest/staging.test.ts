/**
 * Raw staging on disk: per lane and day, gzip JSON lines appended as members, read back oldest
 * first (merged across lanes), credentials never written, and a damaged tail that costs only itself.
 */
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStaging, stagedFromRaw, type StagedExchange } from '../../src/ingest/staging';

const ex = (lane: 'tiktok' | 'x', at: string, body: string, query: Record<string, string> = {}): StagedExchange => ({
  lane,
  at,
  method: 'GET',
  path: lane === 'x' ? '/2/users/by' : '/user-posts/',
  query,
  status: 200,
  headers: { 'content-type': 'application/json' },
  body,
  ms: 3,
});

async function all(it: AsyncIterable<StagedExchange>): Promise<StagedExchange[]> {
  const out: StagedExchange[] = [];
  for await (const e of it) out.push(e);
  return out;
}

describe('staging', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cg-staging-unit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes per lane and day, appends members across flushes, and reads back oldest first', async () => {
    const s = createStaging({ dir, flushEvery: 1000 });
    s.record(ex('tiktok', '2026-11-19T23:59:00.000Z', '{"a":1}'));
    s.record(ex('x', '2026-11-20T00:00:00.500Z', '{"b":1}'));
    await s.flush();
    s.record(ex('tiktok', '2026-11-20T00:00:02.000Z', 'not json at all {'));
    s.record(ex('x', '2026-11-20T00:00:01.000Z', '{"c":1}'));
    await s.close();

    expect(readdirSync(join(dir, 'tiktok')).sort()).toEqual(['2026-11-19.jsonl.gz', '2026-11-20.jsonl.gz']);
    expect(readdirSync(join(dir, 'x'))).toEqual(['2026-11-20.jsonl.gz']);
    expect((await all(s.read('tiktok'))).map((e) => e.body)).toEqual(['{"a":1}', 'not json at all {']);
    // x's day file holds two gzip members (two flushes); both read as one stream.
    expect((await all(s.read('x'))).map((e) => e.body)).toEqual(['{"b":1}', '{"c":1}']);
    expect((await all(s.read())).map((e) => `${e.lane} ${e.at}`)).toEqual([
      'tiktok 2026-11-19T23:59:00.000Z',
      'x 2026-11-20T00:00:00.500Z',
      'x 2026-11-20T00:00:01.000Z',
      'tiktok 2026-11-20T00:00:02.000Z',
    ]);
  });

  it('never stores credentials, and keeps request metadata from the clients hook', async () => {
    const s = createStaging({ dir });
    const e = stagedFromRaw({
      provider: 'x-api-v2',
      endpoint: '/2/users/by',
      method: 'GET',
      url: '/2/users/by?usernames=a,b&user.fields=id,name&api_key=SECRET1',
      status: 200,
      headers: { 'content-type': 'application/json', authorization: 'Bearer SECRET2', 'x-rate-limit-remaining': '299' },
      body: '{"data":[]}',
      requestedAt: '2026-11-20T10:00:00.000Z',
      durationMs: 12,
      attempt: 1,
    });
    expect(e).toMatchObject({ lane: 'x', path: '/2/users/by', query: { usernames: 'a,b', 'user.fields': 'id,name' }, attempt: 1 });
    s.record(e);
    s.record(ex('tiktok', '2026-11-20T10:00:00.000Z', '{}', { userid: '1', key: 'SECRET3', token: 'SECRET4' }));
    await s.close();
    const text = JSON.stringify(await all(s.read()));
    expect(text).not.toMatch(/SECRET/);
    expect(text).toContain('x-rate-limit-remaining');
  });

  it('a damaged trailing member costs only itself; records after close are refused', async () => {
    const s = createStaging({ dir });
    s.record(ex('x', '2026-11-20T10:00:00.000Z', '{"ok":1}'));
    await s.flush();
    // A crash in the middle of an append: half a gzip header.
    appendFileSync(join(dir, 'x', '2026-11-20.jsonl.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0x00]));
    expect((await all(s.read('x'))).map((e) => e.body)).toEqual(['{"ok":1}']);
    await s.close();
    s.record(ex('x', '2026-11-20T11:00:00.000Z', '{"late":1}'));
    await s.flush();
    expect((await all(s.read('x'))).map((e) => e.body)).toEqual(['{"ok":1}']);
  });
});
