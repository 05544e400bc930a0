/**
 * Accounts as the API's hot read statements return them (accounts-by-creators,
 * creator-with-accounts, the creator pages): a list of values in one fixed order, not a map. A
 * creators page carries 40 accounts of 19 properties; as maps the driver decoded every key string
 * and built each object key by key, and our conversion copied it again. The order here and the
 * statements' lists are the same (test/graph/shapes.test.ts compares the result with the stored
 * properties): the served Account properties, usernameLower (the reach band compares it), and the
 * times as epoch milliseconds (graph/times.ts).
 *
 *   [a.id, a.platform, a.platformUserId, a.username, a.usernameLower, a.displayName, a.bio, a.bioLink,
 *    a.avatarUrl, a.secUid, a.verified, a.followers, a.following, a.hearts, a.postCount, a.active,
 *    a.fetchedAt.epochMillis, a.lastPostAt.epochMillis, a.deactivatedAt.epochMillis]
 */
import type { Platform } from './model';
import type { AccountRow } from './rows';

/** How many values an account list holds (a statement may append more, e.g. the account's posts). */
export const ACCOUNT_COLUMN_COUNT = 19;

const date = (v: unknown): Date | null => (typeof v === 'number' ? new Date(v) : null);

export function accountFromColumns(v: readonly unknown[]): AccountRow & { usernameLower: string } {
  return {
    id: v[0] as string,
    platform: v[1] as Platform,
    platformUserId: v[2] as string,
    username: v[3] as string,
    usernameLower: v[4] as string,
    displayName: v[5] as string | null,
    bio: v[6] as string | null,
    bioLink: v[7] as string | null,
    avatarUrl: v[8] as string | null,
    secUid: v[9] as string | null,
    verified: v[10] as boolean | null,
    followers: v[11] as number,
    following: v[12] as number | null,
    hearts: v[13] as number | null,
    postCount: v[14] as number | null,
    active: v[15] as boolean,
    fetchedAt: date(v[16]),
    lastPostAt: date(v[17]),
    deactivatedAt: date(v[18]),
  };
}
