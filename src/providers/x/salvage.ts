/**
 * X API v2 bodies read item by item (see ../salvage.ts): a user lookup or a timeline page the
 * client rejected as MALFORMED, or one read back from staging.
 */
import { objectOf, validItems, type RejectedItem } from '../salvage';
import { X_RESPONSE_ALIASES } from './fields';
import { XProblemSchema, XTweetSchema, XUserSchema, type XProblem, type XTweet, type XUser } from './types';

/** An X item is named by its string id, else by where it stood. */
const xRef = (label: string) => (item: unknown, i: number): string => {
  const id = objectOf(item).id;
  return typeof id === 'string' ? `x:${id}` : `${label}[${i}]`;
};

export interface SalvagedTimeline {
  tweets: XTweet[];
  includes: { users: XUser[]; tweets: XTweet[] };
  meta: { next_token?: string };
  problems: XProblem[];
  rejected: RejectedItem[];
  /** False when the body had neither `data` nor `meta`: the whole timeline was refused. */
  hasData: boolean;
}

/** A user lookup body (single or batch): valid users, X's per-item problems (docs/providers.md X.7), and rejects. */
export function readUsersBody(body: string): { users: XUser[]; problems: XProblem[]; rejected: RejectedItem[] } {
  const root = objectOf(JSON.parse(body));
  const rejected: RejectedItem[] = [];
  const users = validItems(root.data, XUserSchema, rejected, xRef('data'));
  const problems = validItems(root.errors, XProblemSchema, [], xRef('errors'));
  return { users, problems, rejected };
}

/** A timeline body, validated item by item (posts, included users and posts). */
export function readTimelineBody(body: string): SalvagedTimeline {
  const root = objectOf(JSON.parse(body));
  const rejected: RejectedItem[] = [];
  const includes = objectOf(root.includes);
  const tweets = validItems(root.data, XTweetSchema, rejected, xRef('data'));
  const meta = objectOf(root.meta);
  return {
    tweets,
    meta: typeof meta.next_token === 'string' ? { next_token: meta.next_token } : {},
    includes: {
      users: validItems(includes.users, XUserSchema, [], xRef('includes.users')),
      tweets: validItems(includes.tweets ?? includes[X_RESPONSE_ALIASES.tweets], XTweetSchema, [], xRef('includes.tweets')),
    },
    problems: validItems(root.errors, XProblemSchema, [], xRef('errors')),
    rejected,
    hasData: root.data !== undefined || root.meta !== undefined,
  };
}
