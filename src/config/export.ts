/** Planning prices and the BI export (warehouse upsert, schedule, files). */
import { z } from 'zod';
import { cron, url } from './fields';

export const ExportEnv = z.object({
  /** Prices, credit costs and tier limits for budgetProjection (dated JSON; default config/planning.json). */
  PLANNING_CONFIG: z.string().min(1).optional(),
  /** PostgreSQL warehouse for the cross_platform_creators export; unset: no upsert, no schedule. */
  WAREHOUSE_URL: url(['postgres', 'postgresql']).optional(),
  /** When the export runs (cron, UTC). */
  EXPORT_SCHEDULE: cron('0 6 * * *'),
  /** Also write CSV and Parquet files here on each scheduled export; unset: warehouse only. */
  EXPORT_DIR: z.string().min(1).optional(),
});

export interface ExportConfig {
  warehouseUrl?: string;
  schedule: string;
  dir?: string;
}

export const exportConfig = (e: z.infer<typeof ExportEnv>): ExportConfig => ({
  warehouseUrl: e.WAREHOUSE_URL,
  schedule: e.EXPORT_SCHEDULE,
  dir: e.EXPORT_DIR,
});
