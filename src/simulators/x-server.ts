/**
 * A local X API v2 (docs/providers.md, part X) serving the simulated world: user lookups, user
 * timelines and recent search with field selection and expansions, partial errors at HTTP 200,
 * 400 invalid-request problems, bearer auth, and per-endpoint 15-minute rate-limit windows with
 * x-rate-limit-* headers.
 */
import type { SimRequest, SimResponse, CommonSimulatorOptions, SimulatorHandle, SimulatorMode } from './sim-http';
import { WindowCounter, resolveClock, serveSimulator } from './sim-http';
import {
  DEFAULT_TWEET_FIELDS,
  DEFAULT_USER_FIELDS,
  DEFAULT_X_RATE_LIMITS,
  ID_PATTERN,
  LIST_PARAMS,
  TWEET_EXPANSIONS,
  USERNAME_PATTERN,
  USER_EXPANSIONS,
  type XEndpoint,
} from './x-fields';
import {
  InvalidRequest,
  blankProblem,
  notAuthorizedProblem,
  renderTweet,
  renderUser,
  tweetProblem,
  usageCappedProblem,
  userProblem,
  type RenderContext,
  type ResourceParam,
} from './x-format';
import { compileQuery } from './x-search';
import { DAY_MS, accountExistsAt, postsVisibleAt, type SimAccount, type SimPost, type World } from './world-model';

export const DEFAULT_X_TOKEN = 'x-sim-bearer-token';

export interface XSimulatorOptions extends CommonSimulatorOptions {
  /** Accepted bearer tokens. Default [DEFAULT_X_TOKEN]. */
  bearerTokens?: string[];
  /** Per-endpoint limits per window. Default DEFAULT_X_RATE_LIMITS (docs/providers.md X.6). */
  rateLimit?: Partial<Record<XEndpoint, number>>;
  /** Rate-limit window length in ms. Default 15 minutes. */
  rateLimitWindowMs?: number;
}

type Json = Record<string, unknown>;

/** A timeline reaches only this many recent posts (docs/providers.md X.5). */
const TIMELINE_CAP = 3200;
const TIMELINE_CAP_NO_REPLIES = 800;
const SEARCH_WINDOW_MS = 7 * DAY_MS;

interface Route {
  endpoint: XEndpoint;
  param?: string;
}

function route(path: string): Route | undefined {
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
const ALLOWED_PARAMS: Record<XEndpoint, string[]> = {
  'GET /2/users/by/username/:username': USER_PARAMS,
  'GET /2/users/by': ['usernames', ...USER_PARAMS],
  'GET /2/users/:id': USER_PARAMS,
  'GET /2/users': ['ids', ...USER_PARAMS],
  'GET /2/users/:id/tweets': [...TWEET_LIST_PARAMS, 'exclude'],
  'GET /2/tweets/search/recent': [...TWEET_LIST_PARAMS, 'query', 'next_token', 'sort_order'],
};

// ---------------------------------------------------------------- request parsing

function list(q: URLSearchParams, name: string, allowed: readonly string[]): string[] {
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

function timeParam(q: URLSearchParams, name: string): number | null {
  const raw = q.get(name);
  if (raw === null) return null;
  const t = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(t)) throw new InvalidRequest(name, raw, `Invalid '${name}':'${raw}'. '${name}' must be a valid RFC 3339 date-time.`);
  return t;
}

function idParam(q: URLSearchParams, name: string): bigint | null {
  const raw = q.get(name);
  if (raw === null) return null;
  if (!ID_PATTERN.test(raw)) throw new InvalidRequest(name, raw, `The \`${name}\` query parameter value [${raw}] does not match ^[0-9]{1,19}$`);
  return BigInt(raw);
}

function maxResults(q: URLSearchParams, min: number): number {
  const raw = q.get('max_results');
  if (raw === null) return 10;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= 100)) {
    throw new InvalidRequest('max_results', raw, `The \`max_results\` query parameter value [${raw}] is not between ${min} and 100`);
  }
  return n;
}

const B36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Opaque page token: direction ('n' older / 'p' newer) and the boundary id, base36. */
function encodeToken(dir: 'n' | 'p', id: string): string {
  let v = BigInt(id);
  let s = '';
  do {
    s = B36[Number(v % 36n)] + s;
    v /= 36n;
  } while (v > 0n);
  return `${dir === 'n' ? '7140' : '3c2k'}${s}`;
}

function decodeToken(param: string, raw: string): { dir: 'n' | 'p'; id: bigint } {
  const prefix = raw.slice(0, 4);
  const body = raw.slice(4);
  if ((prefix !== '7140' && prefix !== '3c2k') || !/^[0-9a-z]{1,14}$/.test(body)) {
    throw new InvalidRequest(param, raw, `The \`${param}\` query parameter value [${raw}] is not a valid token`);
  }
  let v = 0n;
  for (const ch of body) v = v * 36n + BigInt(B36.indexOf(ch));
  return { dir: prefix === '7140' ? 'n' : 'p', id: v };
}

interface TweetQuery {
  tweetFields: Set<string>;
  userFields: Set<string>;
  expansions: string[];
}

function fieldSets(q: URLSearchParams, expansions: readonly string[]): TweetQuery {
  const tweetFields = new Set<string>([...DEFAULT_TWEET_FIELDS, ...list(q, 'tweet.fields', LIST_PARAMS['tweet.fields'])]);
  const userFields = new Set<string>([...DEFAULT_USER_FIELDS, ...list(q, 'user.fields', LIST_PARAMS['user.fields'])]);
  for (const name of ['media.fields', 'poll.fields', 'place.fields']) list(q, name, LIST_PARAMS[name]);
  return { tweetFields, userFields, expansions: list(q, 'expansions', expansions) };
}

// ---------------------------------------------------------------- server

export async function startXSimulator(world: World, opts: XSimulatorOptions = {}): Promise<SimulatorHandle> {
  const clock = resolveClock(world, opts);
  const tokens = new Set(opts.bearerTokens ?? [DEFAULT_X_TOKEN]);
  const limits: Record<XEndpoint, number> = { ...DEFAULT_X_RATE_LIMITS, ...opts.rateLimit };
  const windows = new WindowCounter(opts.rateLimitWindowMs ?? 15 * 60_000, opts.wallClock ?? Date.now);
  const data = world.x;
  const truncatedOnce = new Set<string>();

  const truncateFor = (records: (SimAccount | SimPost)[]): boolean => {
    for (const r of records) {
      if (r.quirk === 'truncated' && !truncatedOnce.has(r.id)) {
        truncatedOnce.add(r.id);
        return true;
      }
    }
    return false;
  };

  /** Present, not deleted or suspended. */
  const userAt = (a: SimAccount | undefined, now: number) => (a && accountExistsAt(a, now) ? a : undefined);
  /** A post others can see: published, author present and not protected. */
  const postVisible = (p: SimPost | undefined, now: number): p is SimPost => {
    if (!p || p.createdAt > now) return false;
    const a = userAt(data.byId.get(p.authorId), now);
    return !!a && !a.private;
  };

  /** Fills includes for a set of primary tweets; returns includes and partial errors. */
  const expandTweets = (tweets: SimPost[], tq: TweetQuery, ctx: RenderContext) => {
    const users = new Map<string, SimAccount>();
    const refs = new Map<string, SimPost>();
    const errors: Json[] = [];
    const wants = new Set(tq.expansions);
    const addUser = (id: string | null | undefined) => {
      const a = id ? userAt(data.byId.get(id), ctx.now) : undefined;
      if (a) users.set(a.id, a);
    };
    for (const t of tweets) {
      if (wants.has('author_id')) addUser(t.authorId);
      if (wants.has('in_reply_to_user_id')) addUser(t.inReplyToUserId);
      if (wants.has('entities.mentions.username')) {
        for (const m of t.mentions) addUser(data.byUsername.get(m.toLowerCase())?.id);
      }
      if (t.ref && (wants.has('referenced_tweets.id') || wants.has('referenced_tweets.id.author_id'))) {
        const r = data.postsById.get(t.ref.id);
        if (postVisible(r, ctx.now)) {
          if (wants.has('referenced_tweets.id')) refs.set(r.id, r);
          if (wants.has('referenced_tweets.id.author_id')) addUser(r.authorId);
        } else if (!errors.some((e) => e.value === t.ref!.id)) {
          errors.push(tweetProblem(t.ref.id, 'referenced_tweets.id'));
        }
      }
    }
    const includes: Json = {};
    if (users.size) includes.users = [...users.values()].map((a) => renderUser(a, tq.userFields, ctx));
    if (refs.size) includes.tweets = [...refs.values()].map((p) => renderTweet(p, tq.tweetFields, ctx));
    return { includes, errors, records: [...users.values(), ...refs.values()] };
  };

  const lookupUsers = (r: Route, q: URLSearchParams, now: number): SimResponse => {
    const ctx: RenderContext = { data, now, worldNow: world.now };
    const tq = fieldSets(q, USER_EXPANSIONS);
    let values: string[];
    let param: ResourceParam;
    let byName: boolean;
    switch (r.endpoint) {
      case 'GET /2/users/by/username/:username':
        values = [r.param ?? ''];
        param = 'username';
        byName = true;
        break;
      case 'GET /2/users/:id':
        values = [r.param ?? ''];
        param = 'id';
        byName = false;
        break;
      case 'GET /2/users/by':
        values = (q.get('usernames') ?? '').split(',');
        param = 'usernames';
        byName = true;
        break;
      default:
        values = (q.get('ids') ?? '').split(',');
        param = 'ids';
        byName = false;
    }
    if (param === 'usernames' || param === 'ids') {
      if (!q.has(param)) throw new InvalidRequest(param, '', `The \`${param}\` query parameter can not be empty`);
      if (values.length > 100) throw new InvalidRequest(param, String(values.length), `The \`${param}\` query parameter must have at most 100 items`);
    }
    const pattern = byName ? USERNAME_PATTERN : ID_PATTERN;
    for (const v of values) {
      if (!pattern.test(v)) throw new InvalidRequest(param, v, `The \`${param}\` query parameter value [${v}] does not match ${pattern.source}`);
    }
    const found: SimAccount[] = [];
    const errors: Json[] = [];
    for (const v of values) {
      const raw = byName ? data.byUsername.get(v.toLowerCase()) : data.byId.get(v);
      const a = userAt(raw, now);
      if (a) found.push(a);
      else errors.push(userProblem(raw, v, param, now));
    }
    // User expansions point at tweets.
    const tweets = new Map<string, SimPost>();
    for (const a of found) {
      const visible = a.private ? [] : postsVisibleAt(data, a.id, now);
      if (tq.expansions.includes('pinned_tweet_id') && a.pinnedPostId) {
        const p = visible.find((x) => x.id === a.pinnedPostId);
        if (p) tweets.set(p.id, p);
      }
      if (tq.expansions.includes('most_recent_tweet_id') && visible.length) tweets.set(visible[0].id, visible[0]);
    }
    const userFields = new Set(tq.userFields);
    if (tq.expansions.includes('pinned_tweet_id')) userFields.add('pinned_tweet_id');
    if (tq.expansions.includes('most_recent_tweet_id')) userFields.add('most_recent_tweet_id');
    const body: Json = {};
    const rendered = found.map((a) => renderUser(a, userFields, ctx));
    if (rendered.length) body.data = param === 'username' || param === 'id' ? rendered[0] : rendered;
    if (tweets.size) body.includes = { tweets: [...tweets.values()].map((p) => renderTweet(p, tq.tweetFields, ctx)) };
    if (errors.length) body.errors = errors;
    return { status: 200, body, credits: found.length, truncate: truncateFor([...found, ...tweets.values()]) };
  };

  /** Shared by timeline and search: filters, pages and renders a newest-first list. */
  const page = (
    all: SimPost[],
    q: URLSearchParams,
    tq: TweetQuery,
    opts2: { min: number; tokenParams: string[]; previous: boolean },
    now: number,
  ): SimResponse => {
    const ctx: RenderContext = { data, now, worldNow: world.now };
    const max = maxResults(q, opts2.min);
    const start = timeParam(q, 'start_time');
    const end = timeParam(q, 'end_time');
    const since = idParam(q, 'since_id');
    const until = idParam(q, 'until_id');
    let token: { dir: 'n' | 'p'; id: bigint } | null = null;
    for (const name of opts2.tokenParams) {
      const raw = q.get(name);
      if (raw !== null) token = decodeToken(name, raw);
    }
    const filtered = all.filter((p) => {
      if (start !== null && p.createdAt < start) return false;
      if (end !== null && p.createdAt > end) return false;
      if (since !== null && BigInt(p.id) <= since) return false;
      if (until !== null && BigInt(p.id) >= until) return false;
      return true;
    });
    let from = 0;
    let to = Math.min(filtered.length, max);
    if (token?.dir === 'n') {
      const t = token.id;
      from = filtered.findIndex((p) => BigInt(p.id) < t);
      if (from < 0) from = filtered.length;
      to = Math.min(filtered.length, from + max);
    } else if (token?.dir === 'p') {
      const t = token.id;
      let firstOlder = filtered.findIndex((p) => BigInt(p.id) <= t);
      if (firstOlder < 0) firstOlder = filtered.length;
      to = firstOlder;
      from = Math.max(0, to - max);
    }
    const items = filtered.slice(from, to);
    if (items.length === 0) return { status: 200, body: { meta: { result_count: 0 } } };
    const meta: Json = { result_count: items.length, newest_id: items[0].id, oldest_id: items[items.length - 1].id };
    if (to < filtered.length) meta.next_token = encodeToken('n', items[items.length - 1].id);
    if (opts2.previous && from > 0) meta.previous_token = encodeToken('p', items[0].id);
    const { includes, errors, records } = expandTweets(items, tq, ctx);
    const body: Json = { data: items.map((p) => renderTweet(p, tq.tweetFields, ctx)) };
    if (Object.keys(includes).length) body.includes = includes;
    if (errors.length) body.errors = errors;
    body.meta = meta;
    return { status: 200, body, credits: items.length, truncate: truncateFor([...items, ...records]) };
  };

  const timeline = (r: Route, q: URLSearchParams, now: number): SimResponse => {
    const id = r.param ?? '';
    if (!ID_PATTERN.test(id)) throw new InvalidRequest('id', id, `The \`id\` query parameter value [${id}] does not match ^[0-9]{1,19}$`);
    const tq = fieldSets(q, TWEET_EXPANSIONS);
    const exclude = new Set(list(q, 'exclude', LIST_PARAMS.exclude));
    const raw = data.byId.get(id);
    const a = userAt(raw, now);
    if (!a) return { status: 200, body: { errors: [userProblem(raw, id, 'id', now)] } };
    if (a.private) return { status: 200, body: { errors: [notAuthorizedProblem(a, 'id')] } };
    const posts = postsVisibleAt(data, a.id, now).filter(
      (p) => !(exclude.has('retweets') && p.ref?.type === 'retweeted') && !(exclude.has('replies') && p.ref?.type === 'replied_to'),
    );
    const capped = posts.slice(0, exclude.has('replies') ? TIMELINE_CAP_NO_REPLIES : TIMELINE_CAP);
    return page(capped, q, tq, { min: 5, tokenParams: ['pagination_token'], previous: true }, now);
  };

  const search = (q: URLSearchParams, now: number): SimResponse => {
    const query = q.get('query');
    if (!query) throw new InvalidRequest('query', '', 'The `query` query parameter can not be empty');
    if (query.length > 512) throw new InvalidRequest('query', query, 'The `query` query parameter value is longer than 512 characters');
    const sort = q.get('sort_order');
    if (sort !== null && sort !== 'recency' && sort !== 'relevancy') throw new InvalidRequest('sort_order', sort, `The \`sort_order\` query parameter value [${sort}] is not one of [recency,relevancy]`);
    const start = timeParam(q, 'start_time');
    if (start !== null && start < now - SEARCH_WINDOW_MS) {
      throw new InvalidRequest('start_time', q.get('start_time')!, `Invalid 'start_time':'${q.get('start_time')}'. 'start_time' must be on or after ${new Date(now - SEARCH_WINDOW_MS).toISOString()}`);
    }
    const tq = fieldSets(q, TWEET_EXPANSIONS);
    const match = compileQuery(query);
    const windowStart = now - SEARCH_WINDOW_MS;
    const hits: SimPost[] = [];
    for (const p of data.posts) {
      if (p.createdAt > now) continue;
      if (p.createdAt < windowStart) break;
      const a = data.byId.get(p.authorId);
      if (a && !a.private && accountExistsAt(a, now) && match(p, a)) hits.push(p);
    }
    return page(hits, q, tq, { min: 10, tokenParams: ['next_token', 'pagination_token'], previous: false }, now);
  };

  return serveSimulator('x', world, opts, (mode: SimulatorMode) => ({
    endpointOf: (req: SimRequest) => route(req.path)?.endpoint,
    failure: (status: number) => ({ status, body: blankProblem(status), contentType: 'application/problem+json' }),
    handle(req: SimRequest): SimResponse {
      const auth = req.headers.authorization;
      const token = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7) : null;
      if (!token || !tokens.has(token)) return { status: 401, body: blankProblem(401), contentType: 'application/problem+json' };
      const r = route(req.path);
      if (!r || req.method !== 'GET') return { status: 404, body: blankProblem(404), contentType: 'application/problem+json' };
      if (mode.usageCapped) return { status: 429, body: usageCappedProblem(), contentType: 'application/problem+json' };
      const w = windows.take(`${token}|${r.endpoint}`, limits[r.endpoint]);
      const headers = {
        'x-rate-limit-limit': String(limits[r.endpoint]),
        'x-rate-limit-remaining': String(w.remaining),
        'x-rate-limit-reset': String(Math.ceil(w.resetAt / 1000)),
      };
      if (!w.allowed) return { status: 429, headers, body: blankProblem(429), contentType: 'application/problem+json' };
      const now = clock();
      try {
        for (const name of req.query.keys()) {
          if (!ALLOWED_PARAMS[r.endpoint].includes(name)) {
            throw new InvalidRequest(name, req.query.get(name) ?? '', `The query parameter [${name}] is not one of [${ALLOWED_PARAMS[r.endpoint].join(',')}]`);
          }
        }
        let out: SimResponse;
        if (r.endpoint === 'GET /2/users/:id/tweets') out = timeline(r, req.query, now);
        else if (r.endpoint === 'GET /2/tweets/search/recent') out = search(req.query, now);
        else out = lookupUsers(r, req.query, now);
        return { ...out, headers };
      } catch (err) {
        if (err instanceof InvalidRequest) return { status: 400, headers, body: err.body(), contentType: 'application/problem+json' };
        throw err;
      }
    },
  }));
}
