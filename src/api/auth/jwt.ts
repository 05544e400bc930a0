/**
 * Optional bearer JWTs from an identity provider (AUTH_JWKS_URL): verified with `jose` against the
 * provider's published keys (fetched and cached by jose), issuer and audience checked when set.
 * The caller's name is the token's subject; its role the highest known role in the roles claim.
 */
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { ROLES, type Config, type Role } from '../../config';
import { isRole, type Principal } from './roles';

export type JwtVerifier = (token: string) => Promise<Principal | null>;

export function createJwtVerifier(jwt: NonNullable<Config['auth']['jwt']>): JwtVerifier {
  const jwks = createRemoteJWKSet(new URL(jwt.jwksUrl));
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, jwks, { issuer: jwt.issuer, audience: jwt.audience });
      const claim = payload[jwt.rolesClaim];
      const roles = (Array.isArray(claim) ? claim : [claim]).filter(isRole);
      if (!payload.sub || roles.length === 0) return null;
      const role = roles.reduce<Role>((a, b) => (ROLES.indexOf(b) > ROLES.indexOf(a) ? b : a), roles[0]);
      return { name: payload.sub.slice(0, 120), role, via: 'jwt' };
    } catch {
      return null;
    }
  };
}

/** Three base64url segments: worth trying as a JWT rather than as an API key. */
export const looksLikeJwt = (token: string) => /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);
