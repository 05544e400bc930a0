/**
 * Row -> GraphQL objects, once per row. Node types carry __typename for the Node interface.
 *
 * Each object is made an instance of its GraphQL class (its prototype, no constructor run): before
 * every @FieldResolver call type-graphql converts the parent with `convertToType`, which returns an
 * instance as it is but copies a plain object into a fresh `new Creator()` (deleting the declared
 * fields the row lacks, which also leaves the copy in V8's slow dictionary mode). A page of 20
 * creators with accounts and posts made 60 such copies per request.
 */
import type { AccountRow, CreatorRow, MatchRow, PostRow } from '../../graph/rows';
import { Account } from '../types/account.type';
import { Creator } from '../types/creator.type';
import { Match } from '../types/match.type';
import { Post } from '../types/post.type';

function of<T extends object>(cls: { prototype: object }, ...parts: object[]): T {
  return Object.assign(Object.create(cls.prototype) as object, ...parts) as T;
}

type CreatorShape = CreatorRow & { __typename: 'Creator' };
export const asCreator = (r: CreatorRow): CreatorShape =>
  of<CreatorShape>(Creator, r, {
    __typename: 'Creator',
    tracked: r.tracked ?? false,
    backfilled: r.backfilled ?? false,
    active: r.active ?? true,
    tier: r.tier ?? null,
    lastPostAt: r.lastPostAt ?? null,
  });
type AccountShape = AccountRow & { __typename: 'Account' };
export const asAccount = (r: AccountRow): AccountShape => of<AccountShape>(Account, r, { __typename: 'Account', active: r.active ?? true });
type MatchShape = MatchRow & { __typename: 'Match' };
export const asMatch = (r: MatchRow): MatchShape => of<MatchShape>(Match, r, { __typename: 'Match', reasons: r.reasons ?? [] });
type PostShape = PostRow & { __typename: 'Post' };
export const asPost = (r: PostRow): PostShape => of<PostShape>(Post, r, { __typename: 'Post' });

export type CreatorObj = ReturnType<typeof asCreator>;
export type AccountObj = ReturnType<typeof asAccount>;
export type MatchObj = ReturnType<typeof asMatch>;
export type PostObj = ReturnType<typeof asPost>;

export function profileUrl(a: { platform: string; username: string }): string {
  return a.platform === 'TIKTOK' ? `https://www.tiktok.com/@${a.username}` : `https://x.com/${a.username}`;
}

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
