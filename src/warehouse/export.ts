/**
 * One export of the cross_platform_creators dimension: the rows read from Neo4j once, page by
 * page, fanned out to the requested files (CSV, Parquet) and the PostgreSQL warehouse. Used by the
 * CLI (`export`), the daily schedule and the admin mutation.
 */
import type { GraphClient } from '../neo4j/graph-client';
import { openFileWriter, type FileFormat } from './files';
import { migrateWarehouse, openWarehouse, upsertCreatorDims, type UpsertSummary } from './postgres';
import { creatorDimRows, type CreatorDimRow } from './rows';

export interface ExportRequest {
  /** File formats to write into `dir`. */
  formats?: FileFormat[];
  dir?: string;
  /** Upsert into this PostgreSQL database. */
  warehouseUrl?: string;
  pageSize?: number;
}

export interface ExportSummary {
  rows: number;
  inactiveRows: number;
  files: string[];
  warehouse: UpsertSummary | null;
  elapsedMs: number;
}

export async function runExport(graph: GraphClient, req: ExportRequest): Promise<ExportSummary> {
  const formats = req.formats ?? [];
  if (formats.length > 0 && !req.dir) throw new Error('an output directory is needed for file formats');
  if (formats.length === 0 && !req.warehouseUrl) throw new Error('nothing to export to: give a file format and directory, or a warehouse URL');
  const t0 = performance.now();
  const writers = await Promise.all(formats.map((f) => openFileWriter(f, req.dir!)));
  let rows = 0;
  let inactive = 0;
  // Pages are read once and handed to every sink; the warehouse consumes them as they come.
  const pages = async function* (): AsyncGenerator<CreatorDimRow[]> {
    for await (const page of creatorDimRows(graph, req.pageSize)) {
      rows += page.length;
      inactive += page.filter((r) => !r.active).length;
      for (const w of writers) await w.write(page);
      yield page;
    }
  };
  let warehouse: UpsertSummary | null = null;
  if (req.warehouseUrl) {
    const pool = openWarehouse(req.warehouseUrl);
    try {
      await migrateWarehouse(pool);
      warehouse = await upsertCreatorDims(pool, pages());
    } finally {
      await pool.end();
    }
  } else {
    for await (const _ of pages()) void _;
  }
  for (const w of writers) await w.close();
  return { rows, inactiveRows: inactive, files: writers.map((w) => w.path), warehouse, elapsedMs: Math.round(performance.now() - t0) };
}
