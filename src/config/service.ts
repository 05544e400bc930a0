/** The process itself: environment, listening address, log level, Redis. */
import { z } from 'zod';
import { int, url } from './fields';

export const ServiceEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: int(0, 65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_URL: url(['redis', 'rediss']).optional(),
});
