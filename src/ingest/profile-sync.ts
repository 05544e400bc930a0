/**
 * Profile syncs, one per platform: look the refs up (by id when known: only an id-based "not
 * found" proves deletion), normalise, write through the graph's batch step (graph/batch.ts).
 * A handle the provider does not know may belong to an account held under its id (renamed, or
 * gone): it is asked again by id. A suspension, or a "not found" about an id, deactivates the
 * account. An X batch the client rejects as MALFORMED is read item by item (providers/x/salvage.ts).
 */
import { writeBatch } from '../graph/batch';
import type { Deactivation } from '../graph/accounts';
import type { AccountRecord } from '../graph/model';
import { accountId } from '../graph/model';
import { isProviderError, type XItemError, type XUser } from '../providers';
import { TIKLIVE_PATHS } from '../providers/tiklive/assumptions';
import { itemErrorOf } from '../providers/x/errors';
import { X_ENDPOINTS, X_LIMITS } from '../providers/x/fields';
import { readUsersBody } from '../providers/x/salvage';
import { goneReason } from './deletion';
import { forEachLimited, LaneGuard, notAttempted } from './failure-policy';
import { normalizeTikTokProfile } from './normalize/tiklive';
import { normalizeXUsers } from './normalize/x';
import {
  clockOf,
  emptyResult,
  errorOf,
  finish,
  idsByUsername,
  refLabel,
  rejectedErrors,
  type IngestContext,
  type ProfileRef,
  type ProfileSyncOptions,
  type SyncError,
  type SyncResult,
} from './sync';

// ------------------------------------------------------------------ TikTok profiles

export async function syncTikTokProfiles(
  ctx: IngestContext,
  refs: ProfileRef[],
  opts: ProfileSyncOptions = {},
): Promise<SyncResult> {
  const lookup = { noCache: !opts.useCache };
  const fetchedAt = clockOf(ctx)().toISOString();
  const guard = new LaneGuard();
  const result = emptyResult();
  const accounts: AccountRecord[] = [];
  const deactivations: Deactivation[] = [];
  /** Handles "not found" that the graph knows by id: asked again by id (renamed, or really gone). */
  const notFoundHandles: { ref: ProfileRef; error: SyncError }[] = [];

  const fetchOne = async (ref: ProfileRef, viaHandleOf?: ProfileRef): Promise<void> => {
    const label = refLabel('tiktok', viaHandleOf ?? ref);
    const endpoint = ref.userId ? TIKLIVE_PATHS.userInfoById : TIKLIVE_PATHS.userInfoByUsername;
    try {
      const info = ref.userId
        ? await ctx.clients.tiklive.userInfoById(ref.userId, lookup)
        : await ctx.clients.tiklive.userInfoByUsername(ref.username ?? '', lookup);
      guard.note();
      try {
        accounts.push(normalizeTikTokProfile(info, fetchedAt, endpoint));
      } catch (e) {
        result.errors.push({ ref: label, code: 'MALFORMED', message: errorOf(label, e).message });
      }
    } catch (e) {
      guard.note(e);
      const err = errorOf(label, e);
      const gone = isProviderError(e) ? goneReason(e.code, ref.userId ? 'id' : 'username') : undefined;
      if (gone && ref.userId) deactivations.push({ accountId: accountId('TIKTOK', ref.userId), at: fetchedAt, reason: gone });
      if (isProviderError(e) && e.code === 'NOT_FOUND' && !ref.userId && !viaHandleOf) notFoundHandles.push({ ref, error: err });
      else result.errors.push(err);
    }
  };

  const valid = refs.filter((r) => r.userId || r.username);
  const skipped = await forEachLimited(valid, ctx.concurrency ?? 4, guard, (r) => fetchOne(r));

  if (notFoundHandles.length > 0 && !guard.stopped) {
    const known = await idsByUsername(ctx.graph, 'TIKTOK', notFoundHandles.map((n) => n.ref.username ?? ''));
    const again: { ref: ProfileRef; via: ProfileRef }[] = [];
    for (const n of notFoundHandles) {
      const id = known.get((n.ref.username ?? '').replace(/^@/, '').toLowerCase());
      if (id) again.push({ ref: { userId: id }, via: n.ref });
      else result.errors.push(n.error);
    }
    skipped.push(...(await forEachLimited(again, ctx.concurrency ?? 4, guard, (a) => fetchOne(a.ref, a.via))).map((a) => a.via));
  } else result.errors.push(...notFoundHandles.map((n) => n.error));

  for (const r of skipped) {
    result.errors.push(notAttempted(refLabel('tiktok', r), guard));
  }
  for (const r of refs.filter((x) => !x.userId && !x.username)) {
    result.errors.push({ ref: '(empty)', code: 'INVALID_REQUEST', message: 'a profile ref needs a username or a userId' });
  }

  const { useCache: _tc, ...writeOpts } = opts;
  const w = await writeBatch(ctx.graph, { accounts, deactivations }, writeOpts);
  result.accounts = w.accounts;
  result.deactivated = w.deactivated;
  return finish(ctx, 'tiktok', result, w.accounts);
}

// ------------------------------------------------------------------ X profiles

export async function syncXProfiles(
  ctx: IngestContext,
  refs: ProfileRef[],
  opts: ProfileSyncOptions = {},
): Promise<SyncResult> {
  const cacheOpts = { noCache: !opts.useCache };
  const fetchedAt = clockOf(ctx)().toISOString();
  const guard = new LaneGuard();
  const result = emptyResult();
  const accounts: AccountRecord[] = [];
  const deactivations: Deactivation[] = [];
  const suspendedHandles: string[] = [];
  const notFoundHandles: XItemError[] = [];

  /** One batch request (at most 100 values); per-item results are sorted into the lists above. */
  const lookup = async (kind: 'id' | 'username', values: string[], retryOfHandles?: Map<string, string>): Promise<void> => {
    const endpoint = kind === 'id' ? X_ENDPOINTS.usersByIds : X_ENDPOINTS.usersByUsernames;
    const label = (v: string) => {
      const handle = retryOfHandles?.get(v);
      return handle ? `@${handle}` : kind === 'id' ? `x:${v}` : `@${v}`;
    };
    let users: XUser[];
    let itemErrors: XItemError[];
    try {
      const batch =
        kind === 'id' ? await ctx.clients.x.usersByIds(values, cacheOpts) : await ctx.clients.x.usersByUsernames(values, cacheOpts);
      guard.note();
      users = batch.users;
      itemErrors = batch.errors;
    } catch (e) {
      guard.note(e);
      if (isProviderError(e) && e.code === 'MALFORMED' && e.rawBody) {
        // One bad user fails the client's whole-response validation; keep the other 99.
        try {
          const salvaged = readUsersBody(e.rawBody);
          users = salvaged.users;
          itemErrors = salvaged.problems.map(itemErrorOf);
          result.errors.push(...rejectedErrors(salvaged.rejected));
        } catch {
          for (const v of values) result.errors.push(errorOf(label(v), e));
          return;
        }
      } else {
        for (const v of values) result.errors.push(errorOf(label(v), e));
        return;
      }
    }
    const normalized = normalizeXUsers(users, fetchedAt, endpoint);
    accounts.push(...normalized.accounts);
    result.errors.push(...rejectedErrors(normalized.rejected));
    for (const ie of itemErrors) {
      const gone = goneReason(ie.code, kind);
      if (kind === 'id' && gone) deactivations.push({ accountId: accountId('X', ie.value), at: fetchedAt, reason: gone });
      if (kind === 'username' && ie.code === 'SUSPENDED') suspendedHandles.push(ie.value);
      if (kind === 'username' && ie.code === 'NOT_FOUND' && !retryOfHandles) notFoundHandles.push(ie);
      else result.errors.push({ ref: label(ie.value), code: ie.code, message: ie.detail });
    }
  };

  const chunk = <T>(xs: T[]) => {
    const out: T[][] = [];
    for (let i = 0; i < xs.length; i += X_LIMITS.batchSize) out.push(xs.slice(i, i + X_LIMITS.batchSize));
    return out;
  };
  const ids = [...new Set(refs.filter((r) => r.userId).map((r) => r.userId!.trim()))];
  const names = [...new Set(refs.filter((r) => !r.userId && r.username).map((r) => r.username!.trim().replace(/^@/, '')))];
  const jobs: { kind: 'id' | 'username'; values: string[] }[] = [
    ...chunk(ids).map((values) => ({ kind: 'id' as const, values })),
    ...chunk(names).map((values) => ({ kind: 'username' as const, values })),
  ];
  const skipped = await forEachLimited(jobs, ctx.concurrency ?? 4, guard, (j) => lookup(j.kind, j.values));

  // A handle X does not know may belong to an account we hold under its id (renamed, or gone).
  if (notFoundHandles.length > 0 || suspendedHandles.length > 0) {
    const known = await idsByUsername(ctx.graph, 'X', [...notFoundHandles.map((n) => n.value), ...suspendedHandles]);
    for (const h of suspendedHandles) {
      const id = known.get(h.toLowerCase());
      if (id) deactivations.push({ accountId: accountId('X', id), at: fetchedAt, reason: 'SUSPENDED' });
    }
    const retry = new Map<string, string>();
    for (const n of notFoundHandles) {
      const id = known.get(n.value.toLowerCase());
      if (id && !guard.stopped) retry.set(id, n.value);
      else result.errors.push({ ref: `@${n.value}`, code: n.code, message: n.detail });
    }
    for (const values of chunk([...retry.keys()])) {
      if (guard.stopped) {
        for (const v of values) skipped.push({ kind: 'username', values: [retry.get(v)!] });
        continue;
      }
      await lookup('id', values, retry);
    }
  }

  for (const j of skipped) {
    for (const v of j.values) {
      result.errors.push(notAttempted(j.kind === 'id' ? `x:${v}` : `@${v}`, guard));
    }
  }

  const { useCache: _xc, ...writeOpts } = opts;
  const w = await writeBatch(ctx.graph, { accounts, deactivations }, writeOpts);
  result.accounts = w.accounts;
  result.deactivated = w.deactivated;
  return finish(ctx, 'x', result, w.accounts);
}
