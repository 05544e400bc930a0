/** The ingestion lanes: staging, backfill, schedules, concurrency. */
import { z } from 'zod';
import { cron, int } from './fields';

export const IngestEnv = z.object({
  STAGING_DIR: z.string().min(1).default('.staging'),
  BACKFILL_DAYS: int(1, 3650).default(30),
  /** Cron expressions (croner syntax) for the lanes' jobs. */
  SCHEDULE_PROFILES: cron('0 3 * * *'),
  SCHEDULE_POSTS_ACTIVE: cron('0 * * * *'),
  SCHEDULE_POSTS_LONG_TAIL: cron('30 4 * * *'),
  SCHEDULE_MATCHING: cron('0 5 * * 1'),
  /** Lane jobs each lane runs at once in this process. */
  INGEST_CONCURRENCY: int(1, 64).default(2),
});

export interface IngestConfig {
  stagingDir: string;
  backfillDays: number;
  schedule: { profiles: string; postsActive: string; postsLongTail: string; matching: string };
  concurrency: number;
}

export const ingestConfig = (e: z.infer<typeof IngestEnv>): IngestConfig => ({
  stagingDir: e.STAGING_DIR,
  backfillDays: e.BACKFILL_DAYS,
  schedule: {
    profiles: e.SCHEDULE_PROFILES,
    postsActive: e.SCHEDULE_POSTS_ACTIVE,
    postsLongTail: e.SCHEDULE_POSTS_LONG_TAIL,
    matching: e.SCHEDULE_MATCHING,
  },
  concurrency: e.INGEST_CONCURRENCY,
});
