/**
 * The PostgreSQL warehouse: numbered SQL migrations (sql/warehouse/NNN_*.sql, applied once each
 * under an advisory lock and recorded in warehouse_migrations) and the upsert of the dimension.
 *
 * An export stages every row in a temporary table, then in one transaction: frees platform user
 * ids that moved to another canonical row (a merge or a split changed which creator holds the
 * account, and the ids are UNIQUE), upserts on canonical_id, and marks rows of creators that no
 * longer exist inactive. Deleted accounts arrive as tiktok_active / x_active false (and active
 * false once none is left), so no row is left stale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { projectRoot } from '../paths';
import { COLUMNS, type CreatorDimRow } from './rows';

const TABLE = 'cross_platform_creators';
const MIGRATION_LOCK = 0x6367_6578; // "cgex": any constant shared by every exporting process

const SQL_TYPES: Record<keyof CreatorDimRow, string> = {
  canonical_id: 'text',
  display_name: 'text',
  tiktok_username: 'text',
  tiktok_user_id: 'text',
  tiktok_sec_uid: 'text',
  tiktok_followers: 'int',
  tiktok_hearts: 'bigint',
  tiktok_last_post_at: 'timestamptz',
  x_handle: 'text',
  x_user_id: 'text',
  x_followers: 'int',
  x_last_post_at: 'timestamptz',
  match_score: 'int',
  match_reasons: 'text',
  match_status: 'text',
  reach_low: 'bigint',
  reach_high: 'bigint',
  tiktok_active: 'boolean',
  x_active: 'boolean',
  active: 'boolean',
  updated_at: 'timestamptz',
};

export function openWarehouse(url: string, onError: (err: Error) => void = () => undefined): pg.Pool {
  // A small pool: the export is one transaction; the rest are migrations and tests' reads.
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // An idle connection dropped by the server (restart, admin command) must not crash the process:
  // the next export opens a new one.
  pool.on('error', onError);
  return pool;
}

export async function migrateWarehouse(pool: pg.Pool): Promise<string[]> {
  const dir = join(projectRoot(), 'sql', 'warehouse');
  const files = readdirSync(dir).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort();
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS warehouse_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ id: string }>('SELECT id FROM warehouse_migrations')).rows.map((r) => r.id));
    for (const f of files) {
      if (done.has(f)) continue;
      await client.query('BEGIN');
      try {
        await client.query(readFileSync(join(dir, f), 'utf8'));
        await client.query('INSERT INTO warehouse_migrations (id) VALUES ($1)', [f]);
        await client.query('COMMIT');
        applied.push(f);
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  return applied;
}

export interface UpsertSummary {
  inserted: number;
  updated: number;
  /** Rows of creators no longer in the graph, marked inactive by this export. */
  retired: number;
}

const cols = COLUMNS.join(', ');
const unnestArgs = COLUMNS.map((c, i) => `$${i + 1}::${SQL_TYPES[c]}[]`).join(', ');
const updates = COLUMNS.filter((c) => c !== 'canonical_id')
  .map((c) => `${c} = EXCLUDED.${c}`)
  .join(', ');

/** Stages and upserts a full export's rows in one transaction. */
export async function upsertCreatorDims(pool: pg.Pool, pages: AsyncIterable<CreatorDimRow[]>): Promise<UpsertSummary> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`CREATE TEMP TABLE cpc_stage (LIKE ${TABLE} INCLUDING DEFAULTS) ON COMMIT DROP`);
    for await (const rows of pages) {
      if (rows.length === 0) continue;
      await client.query(
        `INSERT INTO cpc_stage (${cols}) SELECT * FROM unnest(${unnestArgs})`,
        COLUMNS.map((c) => rows.map((r) => r[c])),
      );
    }
    for (const key of ['tiktok_user_id', 'x_user_id']) {
      await client.query(
        `UPDATE ${TABLE} t SET ${key} = NULL FROM cpc_stage s WHERE s.${key} = t.${key} AND s.canonical_id <> t.canonical_id`,
      );
    }
    const up = await client.query<{ inserted: string; updated: string }>(
      `WITH up AS (
         INSERT INTO ${TABLE} (${cols}) SELECT ${cols} FROM cpc_stage
         ON CONFLICT (canonical_id) DO UPDATE SET ${updates}, exported_at = now()
         RETURNING (xmax = 0) AS inserted)
       SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM up`,
    );
    const retired = await client.query(
      `UPDATE ${TABLE} t SET active = false, exported_at = now()
       WHERE t.active AND NOT EXISTS (SELECT 1 FROM cpc_stage s WHERE s.canonical_id = t.canonical_id)`,
    );
    await client.query('COMMIT');
    return { inserted: Number(up.rows[0].inserted), updated: Number(up.rows[0].updated), retired: retired.rowCount ?? 0 };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
