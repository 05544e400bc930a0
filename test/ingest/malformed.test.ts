/**
 * Per-item failure against small per-case servers: a batch of X users with one malformed user and
 * one unknown handle keeps the others; a TikTok posts page with one malformed video keeps the rest
 * and paging continues; a lane-wide failure (no credentials) stops the call without requests.
 * Every raw body is staged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syncTikTokPosts } from '../../src/ingest/post-sync';
import { syncTikTokProfiles, syncXProfiles } from '../../src/ingest/profile-sync';
import { type IngestContext } from '../../src/ingest/sync';
import { createStaging, type StagedExchange, type Staging } from '../../src/ingest/staging';
import { silentLogger } from '../../src/log';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { createProviderClients, type ProviderClients } from '../../src/providers';
import { startServer, type TestServer } from '../providers/support/server';
import { freshGraph } from '../support/graph';

const metrics = { followers_count: 10, following_count: 1, tweet_count: 5 };
const profile = (id: string, uniqueId: string) => ({
  user: { id, uniqueId, nickname: uniqueId, signature: '' },
  stats: { followerCount: 100, followingCount: 1, heartCount: 5, videoCount: 3 },
});
const video = (id: string, t: number, title: string) => ({ video_id: id, title, create_time: t, digg_count: 1, comment_count: 0, share_count: 0 });

describe('per-item failures', () => {
  let graph: GraphClient;
  let x: TestServer;
  let tt: TestServer;
  let clients: ProviderClients;
  let staging: Staging;
  let dir: string;
  let ctx: IngestContext;

  beforeAll(async () => {
    graph = await freshGraph();
    x = await startServer((req) => {
      if (req.path === '/2/users/by') {
        return {
          body: {
            data: [
              { id: '101', name: 'Good One', username: 'goodone', public_metrics: metrics },
              { id: 'NaN', name: 'Broken', username: 'broken' },
              { id: '103', name: 'Good Two', username: 'goodtwo', url: 'https://t.co/x', entities: { url: { urls: [{ url: 'https://t.co/x', expanded_url: 'https://goodtwo.example/' }] } }, public_metrics: metrics },
            ],
            errors: [{ value: 'ghost', detail: 'Could not find user with usernames: [ghost].', title: 'Not Found Error', type: 'https://api.twitter.com/2/problems/resource-not-found' }],
          },
        };
      }
      return { status: 404, body: { title: 'Not Found' } };
    });
    tt = await startServer((req) => {
      if (req.path === '/userinfo-by-id/' || req.path === '/userinfo-by-username/') return { body: profile('555', 'tiktoker') };
      if (req.path === '/user-posts/') {
        if (req.query.get('cursor') === '0') {
          return { body: { videos: [video('9001', 1_790_000_300, '#One'), { title: 'no id, no time' }, video('9002', 1_790_000_200, '#Two')], cursor: '1790000200000', hasMore: true } };
        }
        return { body: { videos: [video('9003', 1_790_000_100, '#Three @tiktoker')], cursor: '1790000100000', hasMore: false } };
      }
      return { body: { status: 'error', message: 'Not found' } };
    });
    dir = mkdtempSync(join(tmpdir(), 'cg-staging-malformed-'));
    staging = createStaging({ dir });
    clients = createProviderClients({
      tiklive: { baseUrl: tt.url, key: 'k' },
      x: { baseUrl: x.url, bearerToken: 't' },
      onResponse: staging.onResponse,
      retry: { attempts: 1 },
    });
    ctx = { graph, clients, logger: silentLogger, now: () => new Date('2026-11-20T00:00:00Z') };
  });
  afterAll(async () => {
    await clients?.close();
    await staging?.close();
    await x?.close();
    await tt?.close();
    await graph?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function staged(): Promise<StagedExchange[]> {
    const out: StagedExchange[] = [];
    for await (const e of staging.read()) out.push(e);
    return out;
  }

  it('X batch: one malformed user and one unknown handle cost only themselves', async () => {
    const r = await syncXProfiles(ctx, [{ username: 'goodone' }, { username: 'broken' }, { username: 'goodtwo' }, { username: 'ghost' }]);
    expect(r.accounts.sort()).toEqual(['x:101', 'x:103']);
    expect(r.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ref: 'x:NaN', code: 'MALFORMED' }),
        expect.objectContaining({ ref: '@ghost', code: 'NOT_FOUND' }),
      ]),
    );
    const [row] = await graph.runText("MATCH (a:Account {id: 'x:103'}) RETURN a.bioLink AS link");
    expect(row.link).toBe('https://goodtwo.example/');
    expect((await staged()).some((e) => e.lane === 'x' && e.body.includes('"NaN"'))).toBe(true);
  });

  it('TikTok page: one malformed video costs only itself and paging goes on', async () => {
    const r = await syncTikTokPosts(ctx, ['555'], { since: new Date(0) });
    expect(r.accounts).toEqual(['tiktok:555']); // the author was fetched first
    expect(r.posts).toBe(3);
    expect(r.errors.filter((e) => e.code === 'MALFORMED').length).toBeGreaterThanOrEqual(1);
    const rows = await graph.runText("MATCH (:Account {id: 'tiktok:555'})-[:POSTED]->(p) RETURN p.id AS id ORDER BY id");
    expect(rows.map((x) => x.id)).toEqual(['tiktok:9001', 'tiktok:9002', 'tiktok:9003']);
    expect((await staged()).some((e) => e.lane === 'tiktok' && e.body.includes('no id, no time'))).toBe(true);
  });

  it('a lane without credentials stops at once, marking every ref, sending nothing', async () => {
    const bare = createProviderClients({ tiklive: { baseUrl: tt.url } });
    try {
      const before = tt.requests.length;
      const r = await syncTikTokProfiles({ ...ctx, clients: bare }, [{ userId: '1' }, { userId: '2' }, { username: 'c' }]);
      expect(r.accounts).toEqual([]);
      expect(r.errors.map((e) => e.code)).toEqual(['AUTH', 'AUTH', 'AUTH']);
      expect(tt.requests.length).toBe(before);
    } finally {
      await bare.close();
    }
  });
});
