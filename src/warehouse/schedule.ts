/**
 * The daily export (EXPORT_SCHEDULE, UTC) into the warehouse, plus files into EXPORT_DIR when
 * set. Every API process schedules it; a PostgreSQL advisory lock lets one run at a time, the
 * others skip that tick (the upsert is idempotent anyway, this only saves the work).
 */
import { Cron } from 'croner';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { GraphClient } from '../neo4j/graph-client';
import { runExport, type ExportSummary } from './export';
import { openWarehouse } from './postgres';

const RUN_LOCK = 0x6367_6572;

/** One export as the schedule and the admin mutation run it (warehouse, and EXPORT_DIR files if set). */
export async function exportNow(graph: GraphClient, config: Config, formats: ('csv' | 'parquet')[] = ['csv', 'parquet']): Promise<ExportSummary | null> {
  const { warehouseUrl, dir } = config.export;
  const files = dir ? formats : [];
  if (!warehouseUrl) return runExport(graph, { formats: files, dir });
  const pool = openWarehouse(warehouseUrl);
  const client = await pool.connect();
  try {
    const [{ locked }] = (await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [RUN_LOCK])).rows;
    if (!locked) return null;
    try {
      return await runExport(graph, { formats: files, dir, warehouseUrl });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [RUN_LOCK]);
    }
  } finally {
    client.release();
    await pool.end();
  }
}

export function scheduleExport(graph: GraphClient, config: Config, logger: Logger): { stop(): void } | undefined {
  if (!config.export.warehouseUrl) return undefined;
  const job = new Cron(config.export.schedule, { timezone: 'UTC', protect: true }, async () => {
    try {
      const s = await exportNow(graph, config);
      if (s) logger.info({ rows: s.rows, inactive: s.inactiveRows, warehouse: s.warehouse, ms: s.elapsedMs }, 'scheduled export done');
      else logger.info('scheduled export skipped: another process is exporting');
    } catch (err) {
      logger.error({ err }, 'scheduled export failed; the next tick tries again');
    }
  });
  return { stop: () => job.stop() };
}
