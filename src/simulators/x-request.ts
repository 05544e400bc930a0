/**
 * Reading an X API v2 request as the real API does (docs/providers.md, part X): which endpoint a
 * path is, which query parameters it allows, and the list, time, id and page-size parameters,
 * each refused with the API's 400 problem when malformed.
 */
import { InvalidRequest } from './x-format';
import { DEFAULT_TWEET_FIELDS, DEFAULT_USER_FIELDS, ID_PATTERN, LIST_PARAMS, type XEndpoint } from './x-fields';

export interface Route {
  endpoint: XEndpoint;
  param?: string;
}

export function route(path: string): Route | undefined {
  const p = path.replace(/\/+$/, '');
  let m: RegExpExecArray | null;
  if ((m = /^\/2\/users\/by\/username\/([^/]+)$/.exec(p))) return { endpoint: 'GET /2/users/by/username/:username', param: decodeURIComponent(m[1]) };
  if (p === '/2/users/by') return { endpoint: 'GET /2/users/by' };
  if ((m = /^\/2\/users\/([^/]+)\/tweets$/.exec(p))) return { endpoint: 'GET /2/users/:id/tweets', param: decodeURIComponent(m[1]) };
  if (p === '/2/users') return { endpoint: 'GET /2/users' };
  if ((m = /^\/2\/users\/([^/]+)$/.exec(p))) return { endpoint: 'GET /2/users/:id', param: decodeURIComponent(m[1]) };
  if (p === '/2/tweets/search/recent') return { endpoint: 'GET /2/tweets/search/recent' };
  return undefined;
}

const USER_PARAMS = ['user.fields', 'expansions', 'tweet.fields'];
const TWEET_LIST_PARAMS = [
  'max_results', 'pagination_token', 'start_time', 'end_time', 'since_id', 'until_id',
  'tweet.fields', 'expansions', 'user.fields', 'media.fields', 'poll.fields', 'place.fields',
];
export const ALLOWED_PARAMS: Record<XEndpoint, string[]> = {
  'GET /2/users/by/username/:username': USER_PARAMS,
  'GET /2/users/by': ['usernames', ...USER_PARAMS],
  'GET /2/users/:id': USER_PARAMS,
  'GET /2/users': ['ids', ...USER_PARAMS],
  'GET /2/users/:id/tweets': [...TWEET_LIST_PARAMS, 'exclude'],
  'GET /2/tweets/search/recent': [...TWEET_LIST_PARAMS, 'query', 'next_token', 'sort_order'],
};

// ---------------------------------------------------------------- request parsing

export function list(q: URLSearchParams, name: string, allowed: readonly string[]): string[] {
  const raw = q.get(name);
  if (raw === null) return [];
  const items = raw.split(',');
  for (const it of items) {
    if (!allowed.includes(it)) {
      throw new InvalidRequest(name, it, `The \`${name}\` query parameter value [${it}] is not one of [${allowed.join(',')}]`);
    }
  }
  return items;
}

export function timeParam(q: URLSearchParams, name: string): number | null {
  const raw = q.get(name);
  if (raw === null) return null;
  const t = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(t)) throw new InvalidRequest(name, raw, `Invalid '${name}':'${raw}'. '${name}' must be a valid RFC 3339 date-time.`);
  return t;
}

export function idParam(q: URLSearchParams, name: string): bigint | null {
  const raw = q.get(name);
  if (raw === null) return null;
  if (!ID_PATTERN.test(raw)) throw new InvalidRequest(name, raw, `The \`${name}\` query parameter value [${raw}] does not match ^[0-9]{1,19}$`);
  return BigInt(raw);
}

export function maxResults(q: URLSearchParams, min: number): number {
  const raw = q.get('max_results');
  if (raw === null) return 10;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= 100)) {
    throw new InvalidRequest('max_results', raw, `The \`max_results\` query parameter value [${raw}] is not between ${min} and 100`);
  }
  return n;
}

export interface TweetQuery {
  tweetFields: Set<string>;
  userFields: Set<string>;
  expansions: string[];
}

export function fieldSets(q: URLSearchParams, expansions: readonly string[]): TweetQuery {
  const tweetFields = new Set<string>([...DEFAULT_TWEET_FIELDS, ...list(q, 'tweet.fields', LIST_PARAMS['tweet.fields'])]);
  const userFields = new Set<string>([...DEFAULT_USER_FIELDS, ...list(q, 'user.fields', LIST_PARAMS['user.fields'])]);
  for (const name of ['media.fields', 'poll.fields', 'place.fields']) list(q, name, LIST_PARAMS[name]);
  return { tweetFields, userFields, expansions: list(q, 'expansions', expansions) };
}
