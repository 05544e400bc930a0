/**
 * The cross_platform_creators export against the real PostgreSQL on this machine (a throwaway
 * database per run) and real Neo4j: files read back with the same Parquet library, the warehouse's
 * keys and indexes, upserts that follow deletions and merges, the CLI command and the admin mutation.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { parquetReadObjects } from 'hyparquet';
import { runCli } from '../../src/cli/main';
import { loadConfig } from '../../src/config';
import type { AccountRecord } from '../../src/graph/model';
import { deactivateAccounts, writeAccounts } from '../../src/graph/accounts';
import { silentLogger } from '../../src/log';
import { nullBus } from '../../src/matching/events';
import { runMatching } from '../../src/matching/run';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { runExport } from '../../src/warehouse/export';
import { migrateWarehouse } from '../../src/warehouse/postgres';
import { gql, startTestApp } from '../support/app';
import { freshGraph, workerNeo4jUri } from '../support/graph';

const ADMIN_URL = process.env.CG_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = `cg_iss11_${randomBytes(4).toString('hex')}`;
const WAREHOUSE_URL = ADMIN_URL.replace(/\/[^/]*$/, `/${DB}`);

let graph: GraphClient;
let dir: string;
let db: pg.Pool;

const now = new Date().toISOString();
const acct = (platform: 'TIKTOK' | 'X', id: string, username: string, followers: number, extra: Partial<AccountRecord> = {}): AccountRecord => ({
  platform, platformUserId: id, username, displayName: username, followers, fetchedAt: now, ...extra,
});

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  db = new pg.Pool({ connectionString: WAREHOUSE_URL, max: 1 });
  db.on('error', () => undefined);
  graph = await freshGraph();
  dir = mkdtempSync(join(tmpdir(), 'cg-export-'));
  await writeAccounts(graph, [
    acct('TIKTOK', '111', 'amyglow', 400_000, { secUid: 'MS4w-amy', hearts: 9_000_000_000, bioLink: 'https://amyglow.example/' }),
    acct('X', '222', 'amyglow', 200_000, { bioLink: 'https://amyglow.example/' }),
    acct('TIKTOK', '333', 'solo, "quoted"', 1_000),
    acct('X', '444', 'xonly', 5_000),
  ]);
  await runMatching(graph, nullBus, { matching: { model: 'fixed' } });
}, 60_000);

afterAll(async () => {
  await db?.end();
  await graph?.close();
  rmSync(dir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.end();
});

const table = async () =>
  (await db.query('SELECT * FROM cross_platform_creators ORDER BY coalesce(tiktok_username, x_handle)')).rows as Record<string, any>[];

describe('cross_platform_creators export', () => {
  it('writes CSV and Parquet (read back with the same library) and upserts the warehouse with the seed keys', async () => {
    const s = await runExport(graph, { formats: ['csv', 'parquet'], dir, warehouseUrl: WAREHOUSE_URL });
    expect(s.rows).toBe(3);
    expect(s.warehouse).toEqual({ inserted: 3, updated: 0, retired: 0 });

    const parquet = (await parquetReadObjects({ file: new Uint8Array(readFileSync(join(dir, 'cross_platform_creators.parquet'))).buffer })) as Record<string, any>[];
    expect(parquet).toHaveLength(3);
    const amy = parquet.find((r) => r.tiktok_username === 'amyglow')!;
    expect(amy).toMatchObject({ x_handle: 'amyglow', tiktok_user_id: '111', x_user_id: '222', tiktok_sec_uid: 'MS4w-amy', tiktok_followers: 400_000, x_followers: 200_000, match_status: 'auto', active: true });
    expect(Number(amy.tiktok_hearts)).toBe(9_000_000_000);
    expect(amy.match_reasons).toMatch(/biolink_exact/);
    expect(Number(amy.reach_low)).toBeLessThan(600_000);
    expect(parquet.find((r) => r.x_handle === 'xonly')).toMatchObject({ tiktok_user_id: null, match_status: null });

    const csv = readFileSync(join(dir, 'cross_platform_creators.csv'), 'utf8').trim().split('\n');
    expect(csv[0].split(',')).toContain('canonical_id');
    expect(csv).toHaveLength(4);
    expect(csv.some((l) => l.includes('"solo, ""quoted"""'))).toBe(true);

    const rows = await table();
    expect(rows.map((r) => r.canonical_id).sort()).toEqual(parquet.map((r) => r.canonical_id).sort());
    expect(rows.find((r) => r.tiktok_user_id === '111')).toMatchObject({ x_user_id: '222', match_status: 'auto', tiktok_hearts: '9000000000', active: true });
    const idx = (await db.query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'cross_platform_creators'`)).rows.map((r) => r.indexdef).join('\n');
    expect(idx).toMatch(/UNIQUE INDEX .*\(tiktok_user_id\)/);
    expect(idx).toMatch(/UNIQUE INDEX .*\(x_user_id\)/);
    expect(idx).toMatch(/\(tiktok_username\)/);
    expect(idx).toMatch(/\(x_handle\)/);
  });

  it('marks deleted accounts and vanished creators inactive instead of leaving rows stale', async () => {
    await deactivateAccounts(graph, [{ accountId: 'x:444', at: new Date(Date.now() + 1000).toISOString(), reason: 'NOT_FOUND' }]);
    // The X-only creator disappears from the graph as if merged away.
    const before = await table();
    const solo = before.find((r) => r.tiktok_user_id === '333')!;
    await graph.runText('MATCH (c:Creator {id: $id}) DETACH DELETE c', { id: solo.canonical_id });
    const s = await runExport(graph, { warehouseUrl: WAREHOUSE_URL });
    expect(s.warehouse).toEqual({ inserted: 0, updated: 2, retired: 1 });
    const rows = await table();
    expect(rows.find((r) => r.x_user_id === '444')).toMatchObject({ x_active: false, active: false });
    expect(rows.find((r) => r.canonical_id === solo.canonical_id)).toMatchObject({ active: false });
    expect(rows.find((r) => r.tiktok_user_id === '111')).toMatchObject({ active: true });
    // Exporting again changes nothing but the export time.
    const again = await runExport(graph, { warehouseUrl: WAREHOUSE_URL });
    expect(again.warehouse).toEqual({ inserted: 0, updated: 2, retired: 0 });
  });

  it('runs from the CLI: export --format parquet --out DIR', async () => {
    const out = new PassThrough();
    const err = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    const cliDir = join(dir, 'cli');
    const config = loadConfig({ NEO4J_URI: workerNeo4jUri(), LOG_LEVEL: 'silent' });
    const code = await runCli(['export', '--format', 'parquet', '--out', cliDir, '--json'], { out, err }, { config, logger: silentLogger });
    expect(code).toBe(0);
    const summary = JSON.parse(text.trim().split('\n').pop()!);
    expect(summary).toMatchObject({ command: 'export', rows: 2, warehouse: 'WAREHOUSE_URL unset' });
    const rows = await parquetReadObjects({ file: new Uint8Array(readFileSync(join(cliDir, 'cross_platform_creators.parquet'))).buffer });
    expect(rows).toHaveLength(2);
    const bad = await runCli(['export', '--format', 'xlsx', '--out', cliDir], { out, err }, { config, logger: silentLogger });
    expect(bad).toBe(2);
  });

  it('runs on demand through the runExport mutation', async () => {
    const exportDir = join(dir, 'api');
    const app = await startTestApp({ SEED_ON_START: 'false', WAREHOUSE_URL, EXPORT_DIR: exportDir });
    try {
      await writeAccounts(app.graph, [acct('TIKTOK', '555', 'fresh', 10)]);
      await migrateWarehouse(db);
      const activeBefore = Number((await db.query('SELECT count(*) AS n FROM cross_platform_creators WHERE active')).rows[0].n);
      const res = await gql(app.url, `mutation { runExport(formats: [CSV]) { rows files warehouse inserted updated retired } }`);
      expect(res.errors).toBeUndefined();
      // The test app starts from an empty graph: every earlier active row is retired, the new one inserted.
      expect(res.data.runExport).toMatchObject({ rows: 1, files: [join(exportDir, 'cross_platform_creators.csv')], warehouse: true, inserted: 1, retired: activeBefore });
      expect(readFileSync(join(exportDir, 'cross_platform_creators.csv'), 'utf8')).toMatch(/,fresh,555,/);
    } finally {
      await app.close();
    }
  });
});
