/**
 * Prices, credit costs, tier limits and engagement baselines used by budgetProjection and
 * campaignShortlist. They change with the providers' price pages, not with our code, so they live
 * in a dated file (config/planning.json; PLANNING_CONFIG points elsewhere) validated here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../paths';

const band = z.object({ low: z.number().nonnegative(), high: z.number().nonnegative() }).refine((b) => b.low <= b.high, 'low must not exceed high');

export const planningConfigSchema = z.object({
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sources: z.array(z.string()),
  tiklive: z.object({
    profileRefreshCreditsPerCreatorPerDay: z.number().nonnegative(),
    postPollingCreditsPerActiveCreatorPerDay: band,
  }),
  x: z.object({
    postReadsPerCreatorPerDay: band,
    extraPostReadsPerActiveCreatorPerDay: z.number().nonnegative(),
    tiers: z
      .array(
        z.object({
          tier: z.enum(['FREE', 'BASIC', 'PRO', 'ENTERPRISE']),
          postReadsPerMonth: z.number().int().positive().nullable(),
          usdLow: z.number().nonnegative(),
          usdHigh: z.number().nonnegative().nullable(),
        }),
      )
      .min(1),
  }),
  shortlist: z.object({
    typicalEngagementRate: z.object({ TIKTOK: z.number().positive(), X: z.number().positive() }),
    engagementFactor: z.object({ min: z.number().positive(), max: z.number().positive() }),
  }),
});

export type PlanningConfig = z.infer<typeof planningConfigSchema>;

export const DEFAULT_PLANNING_CONFIG = () => join(projectRoot(), 'config', 'planning.json');

const cache = new Map<string, PlanningConfig>();

export function loadPlanningConfig(path = DEFAULT_PLANNING_CONFIG()): PlanningConfig {
  const known = cache.get(path);
  if (known) return known;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`planning configuration ${path} cannot be read: ${(err as Error).message}`);
  }
  const parsed = planningConfigSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`planning configuration ${path} is invalid: ${parsed.error.message}`);
  cache.set(path, parsed.data);
  return parsed.data;
}
