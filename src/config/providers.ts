/** The two provider clients: credentials, addresses, TikLiveAPI's rate and credit limits. */
import { z } from 'zod';
import { int, url } from './fields';

export const ProvidersEnv = z.object({
  TIKLIVEAPI_KEY: z.string().min(1).optional(),
  TIKLIVEAPI_BASE_URL: url(['http', 'https']).default('https://api.tikliveapi.com'),
  TIKLIVEAPI_REQUESTS_PER_MINUTE: int(1).default(200),
  TIKLIVEAPI_MONTHLY_CREDITS: int(0).default(150000),
  X_BEARER_TOKEN: z.string().min(1).optional(),
  X_API_BASE_URL: url(['http', 'https']).default('https://api.x.com'),
  PROVIDER_TIMEOUT_MS: int(100).default(15000),
  PROFILE_CACHE_HOURS: int(12, 24).default(24),
});

export interface ProvidersConfig {
  timeoutMs: number;
  profileCacheHours: number;
  tiklive: { key?: string; baseUrl: string; requestsPerMinute: number; monthlyCredits: number };
  x: { bearerToken?: string; baseUrl: string };
}

export const providersConfig = (e: z.infer<typeof ProvidersEnv>): ProvidersConfig => ({
  timeoutMs: e.PROVIDER_TIMEOUT_MS,
  profileCacheHours: e.PROFILE_CACHE_HOURS,
  tiklive: {
    key: e.TIKLIVEAPI_KEY,
    baseUrl: e.TIKLIVEAPI_BASE_URL,
    requestsPerMinute: e.TIKLIVEAPI_REQUESTS_PER_MINUTE,
    monthlyCredits: e.TIKLIVEAPI_MONTHLY_CREDITS,
  },
  x: { bearerToken: e.X_BEARER_TOKEN, baseUrl: e.X_API_BASE_URL },
});
