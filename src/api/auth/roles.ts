/**
 * The one place that decides whether a caller may do something. Roles are ordered
 * (viewer < reviewer < admin): a role may do everything the roles before it may.
 */
import { ROLES, type Role } from '../../config';
import { ApiError } from '../errors';

export interface Principal {
  /** Recorded as the actor on what the caller does: the key's name or the token's subject. */
  name: string;
  role: Role;
  via: 'key' | 'jwt';
}

const rank = (r: Role) => ROLES.indexOf(r);

export function hasRole(p: Principal, required: Role): boolean {
  return rank(p.role) >= rank(required);
}

/** Throws UNAUTHENTICATED without a caller, FORBIDDEN when the caller's role is below every one of `roles`. */
export function authorize(p: Principal | null | undefined, roles: readonly Role[], what: string): void {
  if (!p) throw new ApiError('UNAUTHENTICATED', `${what} needs an API key: send "Authorization: Bearer <key>"`);
  if (roles.length === 0 || roles.some((r) => hasRole(p, r))) return;
  const least = roles.reduce((a, b) => (rank(a) <= rank(b) ? a : b));
  throw new ApiError('FORBIDDEN', `${what} needs the ${least} role; this key has ${p.role}`, { required: least, role: p.role });
}

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}
