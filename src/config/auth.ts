/** Who may call the API: hashed API keys with roles, and optional JWTs verified against a JWKS. */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { url, type ConfigIssue } from './fields';

/** Who may do what: each role includes the ones before it. */
export const ROLES = ['viewer', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** One configured API key: only its SHA-256 is kept, so a heap dump or a log line never holds it. */
export interface ApiKeyEntry {
  role: Role;
  /** Recorded as the actor on what the key does (e.g. a reviewer's decisions). */
  name: string;
  hash: Buffer;
}

/** Shortest key accepted: a short key can be guessed within the rate limit. */
export const MIN_KEY_LENGTH = 16;

export const hashKey = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();

/**
 * Parses API_KEYS: comma-separated `role:key` or `role:name:key` (the name defaults to the role).
 * Throws a message naming the bad entry by position, never echoing the key.
 */
export function parseApiKeys(spec: string): ApiKeyEntry[] {
  const entries: ApiKeyEntry[] = [];
  const parts = spec.split(',').map((p) => p.trim()).filter(Boolean);
  parts.forEach((part, i) => {
    const bits = part.split(':');
    if (bits.length < 2 || bits.length > 3) throw new Error(`entry ${i + 1} must be role:key or role:name:key`);
    const role = bits[0].trim();
    if (!(ROLES as readonly string[]).includes(role)) throw new Error(`entry ${i + 1}: role must be one of ${ROLES.join(', ')}`);
    const key = bits[bits.length - 1];
    const name = bits.length === 3 ? bits[1].trim() : role;
    if (key.length < MIN_KEY_LENGTH) throw new Error(`entry ${i + 1}: key must be at least ${MIN_KEY_LENGTH} characters`);
    if (!name || name.length > 120) throw new Error(`entry ${i + 1}: name must be 1 to 120 characters`);
    entries.push({ role: role as Role, name, hash: hashKey(key) });
  });
  return entries;
}

export const AuthEnv = z.object({
  /** `role:key` or `role:name:key`, comma-separated; roles viewer, reviewer, admin. */
  API_KEYS: z.string().optional(),
  /** Optional JWT bearer tokens from an identity provider, verified against its JWKS. */
  AUTH_JWKS_URL: url(['http', 'https']).optional(),
  AUTH_JWT_ISSUER: z.string().min(1).optional(),
  AUTH_JWT_AUDIENCE: z.string().min(1).optional(),
  AUTH_JWT_ROLES_CLAIM: z.string().min(1).default('roles'),
});

export interface AuthConfig {
  keys: ApiKeyEntry[];
  jwt?: { jwksUrl: string; issuer?: string; audience?: string; rolesClaim: string };
}

/** The keys, or the one issue that refuses them (a bad entry; none at all in production). */
export function authConfig(e: z.infer<typeof AuthEnv>, production: boolean): AuthConfig | ConfigIssue {
  let keys: ApiKeyEntry[] = [];
  try {
    keys = parseApiKeys(e.API_KEYS ?? '');
  } catch (err) {
    return { variable: 'API_KEYS', message: (err as Error).message };
  }
  if (production && keys.length === 0 && !e.AUTH_JWKS_URL) {
    return {
      variable: 'API_KEYS',
      message:
        'required when NODE_ENV=production (or set AUTH_JWKS_URL): the API refuses to run open. ' +
        'Example: API_KEYS="admin:<long random key>,reviewer:<name>:<key>,viewer:<key>"',
    };
  }
  return {
    keys,
    jwt: e.AUTH_JWKS_URL
      ? { jwksUrl: e.AUTH_JWKS_URL, issuer: e.AUTH_JWT_ISSUER, audience: e.AUTH_JWT_AUDIENCE, rolesClaim: e.AUTH_JWT_ROLES_CLAIM }
      : undefined,
  };
}
