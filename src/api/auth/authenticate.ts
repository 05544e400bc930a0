/**
 * From credentials to a caller. One function for HTTP (`Authorization: Bearer <key>`) and for
 * graphql-ws (`connectionParams.authorization` on connection_init): no credentials is an anonymous
 * caller (refused field by field), wrong credentials are refused outright.
 */
import type { Config } from '../../config';
import { createJwtVerifier, looksLikeJwt, type JwtVerifier } from './jwt';
import { demoAdminKey, Keyring } from './keyring';
import type { Principal } from './roles';

export type AuthResult = { ok: true; principal: Principal | null } | { ok: false; reason: string };

export interface Authenticator {
  authenticate(authorization: unknown): Promise<AuthResult>;
  /** Set when no keys were configured outside production: the admin key generated for the demo. */
  demoKey?: string;
}

/** `Bearer <token>`, or the bare token (what a ws client may send as its connection parameter). */
export function tokenFrom(authorization: unknown): string | undefined {
  if (typeof authorization !== 'string') return undefined;
  const v = authorization.trim();
  if (!v) return undefined;
  const m = /^bearer\s+(.+)$/i.exec(v);
  return (m ? m[1] : v).trim() || undefined;
}

export function createAuthenticator(config: Config): Authenticator {
  const entries = [...config.auth.keys];
  let demoKey: string | undefined;
  if (entries.length === 0 && !config.auth.jwt && config.env !== 'production') {
    const demo = demoAdminKey();
    entries.push(demo.entry);
    demoKey = demo.key;
  }
  const keyring = new Keyring(entries);
  const jwt: JwtVerifier | undefined = config.auth.jwt ? createJwtVerifier(config.auth.jwt) : undefined;
  return {
    demoKey,
    async authenticate(authorization) {
      const token = tokenFrom(authorization);
      if (!token) return { ok: true, principal: null };
      if (token.length > 8192) return { ok: false, reason: 'credentials too long' };
      const principal = jwt && looksLikeJwt(token) ? await jwt(token) : keyring.lookup(token);
      return principal ? { ok: true, principal } : { ok: false, reason: 'unknown API key or invalid token' };
    },
  };
}
