/**
 * Deletion policy: which provider reports prove an account gone. X resource-not-found or
 * suspended and TikLiveAPI's "not found" about a user ID count, and so does a suspension; a handle
 * that is "not found" may simply have been renamed, so callers look the account up by ID before
 * concluding it is gone. What a deactivation does to the graph is graph/accounts.ts's business.
 */
import type { SyncErrorCode } from '../error-codes';
import type { GoneReason } from '../graph/accounts';

/** Does this error code, about an entity looked up by `by`, prove the account is gone? */
export function goneReason(code: SyncErrorCode, by: 'id' | 'username'): GoneReason | undefined {
  if (code === 'SUSPENDED') return 'SUSPENDED';
  if (code === 'NOT_FOUND' && by === 'id') return 'NOT_FOUND';
  return undefined;
}
