/**
 * The value kinds the environment is parsed into. Each area's section (`config/*.ts`) builds its
 * variables from these, so "a boolean" or "a cron expression" means the same thing everywhere.
 */
import { Cron } from 'croner';
import { z } from 'zod';

/** Shells and compose files spell booleans several ways; all of them are accepted. */
export const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const int = (min: number, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max);

export const url = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol.replace(':', ''));
    } catch {
      return false;
    }
  }, `must be a URL with scheme ${protocols.join(' or ')}`);

/** Checked by building (and stopping) a paused job, so a bad schedule stops start-up, not the lane. */
export const cron = (fallback: string) =>
  z
    .string()
    .refine((v) => {
      try {
        new Cron(v, { paused: true, timezone: 'UTC' }).stop();
        return true;
      } catch {
        return false;
      }
    }, 'must be a cron expression (5 or 6 fields, croner syntax)')
    .default(fallback);

/** One refused variable; `loadConfig` gathers them into a ConfigError. */
export interface ConfigIssue {
  variable: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(
      'Invalid configuration:\n' +
        issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}
