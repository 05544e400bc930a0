/** Row -> GraphQL object shapes. Node types carry __typename for the Node interface. */
import type { AccountRow, CreatorRow, MatchRow, PostRow } from '../../graph/rows';

export const asCreator = (r: CreatorRow) => ({
  ...r,
  __typename: 'Creator' as const,
  tracked: r.tracked ?? false,
  backfilled: r.backfilled ?? false,
  active: r.active ?? true,
  tier: r.tier ?? null,
  lastPostAt: r.lastPostAt ?? null,
});
export const asAccount = (r: AccountRow) => ({ ...r, __typename: 'Account' as const, active: r.active ?? true });
export const asMatch = (r: MatchRow) => ({ ...r, __typename: 'Match' as const, reasons: r.reasons ?? [] });
export const asPost = (r: PostRow) => ({ ...r, __typename: 'Post' as const });

export type CreatorObj = ReturnType<typeof asCreator>;
export type AccountObj = ReturnType<typeof asAccount>;
export type MatchObj = ReturnType<typeof asMatch>;
export type PostObj = ReturnType<typeof asPost>;

export function profileUrl(a: { platform: string; username: string }): string {
  return a.platform === 'TIKTOK' ? `https://www.tiktok.com/@${a.username}` : `https://x.com/${a.username}`;
}

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
