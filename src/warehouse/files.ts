/**
 * The dimension as files for BI tools that load files: CSV (RFC 4180, ISO-8601 UTC times, empty
 * for null) and Parquet (hyparquet-writer, typed columns, snappy; read back with hyparquet).
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { parquetWriteFile } from 'hyparquet-writer';
import { COLUMNS, type CreatorDimRow } from './rows';

export const FILE_BASENAME = 'cross_platform_creators';

type ParquetType = 'STRING' | 'INT32' | 'INT64' | 'TIMESTAMP' | 'BOOLEAN';

const TYPES: Record<keyof CreatorDimRow, ParquetType> = {
  canonical_id: 'STRING',
  display_name: 'STRING',
  tiktok_username: 'STRING',
  tiktok_user_id: 'STRING',
  tiktok_sec_uid: 'STRING',
  tiktok_followers: 'INT32',
  tiktok_hearts: 'INT64',
  tiktok_last_post_at: 'TIMESTAMP',
  x_handle: 'STRING',
  x_user_id: 'STRING',
  x_followers: 'INT32',
  x_last_post_at: 'TIMESTAMP',
  match_score: 'INT32',
  match_reasons: 'STRING',
  match_status: 'STRING',
  reach_low: 'INT64',
  reach_high: 'INT64',
  tiktok_active: 'BOOLEAN',
  x_active: 'BOOLEAN',
  active: 'BOOLEAN',
  updated_at: 'TIMESTAMP',
};

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString() : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export class CsvFileWriter {
  private readonly out;
  constructor(readonly path: string) {
    this.out = createWriteStream(path, { encoding: 'utf8' });
    this.out.write(COLUMNS.join(',') + '\n');
  }

  async write(rows: CreatorDimRow[]): Promise<void> {
    const text = rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(',')).join('\n');
    if (text && !this.out.write(text + '\n')) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** Collects rows and writes one Parquet file on close (the writer takes whole columns). */
export class ParquetFileWriter {
  private readonly rows: CreatorDimRow[] = [];
  constructor(readonly path: string) {}

  async write(rows: CreatorDimRow[]): Promise<void> {
    for (const r of rows) this.rows.push(r);
  }

  async close(): Promise<void> {
    parquetWriteFile({
      filename: this.path,
      columnData: COLUMNS.map((name) => {
        const type = TYPES[name];
        const data = this.rows.map((r) => {
          const v = r[name];
          return type === 'INT64' && typeof v === 'number' ? BigInt(Math.round(v)) : v;
        });
        return { name, type, data, nullable: name !== 'canonical_id' && name !== 'active' && name !== 'updated_at' };
      }),
      kvMetadata: [{ key: 'creator-graph.table', value: FILE_BASENAME }],
      createdBy: 'creator-graph',
    });
  }
}

export type FileFormat = 'csv' | 'parquet';

export async function openFileWriter(format: FileFormat, dir: string): Promise<CsvFileWriter | ParquetFileWriter> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${FILE_BASENAME}.${format}`);
  return format === 'csv' ? new CsvFileWriter(path) : new ParquetFileWriter(path);
}
