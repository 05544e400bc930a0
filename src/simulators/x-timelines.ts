/**
 * X tweet lists: user timelines and recent search, sharing one pager (time and id bounds, opaque
 * next/previous tokens, expansions and partial errors).
 */
import type { SimResponse } from './sim-http';
import { InvalidRequest, notAuthorizedProblem, renderTweet, userProblem } from './x-format';
import { ID_PATTERN, LIST_PARAMS, TWEET_EXPANSIONS } from './x-fields';
import { fieldSets, idParam, list, maxResults, timeParam, type Route, type TweetQuery } from './x-request';
import { compileQuery } from './x-search';
import type { Json, XView } from './x-view';
import { DAY_MS, accountExistsAt, postsVisibleAt, type SimPost } from './world-model';

/** A timeline reaches only this many recent posts (docs/providers.md X.5). */
const TIMELINE_CAP = 3200;
const TIMELINE_CAP_NO_REPLIES = 800;
const SEARCH_WINDOW_MS = 7 * DAY_MS;

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

/** Shared by timeline and search: filters, pages and renders a newest-first list. */
function page(
  view: XView,
  all: SimPost[],
  q: URLSearchParams,
  tq: TweetQuery,
  opts: { min: number; tokenParams: string[]; previous: boolean },
  now: number,
): SimResponse {
  const ctx = view.context(now);
  const max = maxResults(q, opts.min);
  const start = timeParam(q, 'start_time');
  const end = timeParam(q, 'end_time');
  const since = idParam(q, 'since_id');
  const until = idParam(q, 'until_id');
  let token: { dir: 'n' | 'p'; id: bigint } | null = null;
  for (const name of opts.tokenParams) {
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
  if (opts.previous && from > 0) meta.previous_token = encodeToken('p', items[0].id);
  const { includes, errors, records } = view.expandTweets(items, tq, ctx);
  const body: Json = { data: items.map((p) => renderTweet(p, tq.tweetFields, ctx)) };
  if (Object.keys(includes).length) body.includes = includes;
  if (errors.length) body.errors = errors;
  body.meta = meta;
  return { status: 200, body, credits: items.length, truncate: view.truncateFor([...items, ...records]) };
}

/** GET /2/users/:id/tweets: newest first, capped as the real timeline is. */
export function timeline(view: XView, r: Route, q: URLSearchParams, now: number): SimResponse {
  const { data } = view;
  const id = r.param ?? '';
  if (!ID_PATTERN.test(id)) throw new InvalidRequest('id', id, `The \`id\` query parameter value [${id}] does not match ^[0-9]{1,19}$`);
  const tq = fieldSets(q, TWEET_EXPANSIONS);
  const exclude = new Set(list(q, 'exclude', LIST_PARAMS.exclude));
  const raw = data.byId.get(id);
  const a = view.userAt(raw, now);
  if (!a) return { status: 200, body: { errors: [userProblem(raw, id, 'id', now)] } };
  if (a.private) return { status: 200, body: { errors: [notAuthorizedProblem(a, 'id')] } };
  const posts = postsVisibleAt(data, a.id, now).filter(
    (p) => !(exclude.has('retweets') && p.ref?.type === 'retweeted') && !(exclude.has('replies') && p.ref?.type === 'replied_to'),
  );
  const capped = posts.slice(0, exclude.has('replies') ? TIMELINE_CAP_NO_REPLIES : TIMELINE_CAP);
  return page(view, capped, q, tq, { min: 5, tokenParams: ['pagination_token'], previous: true }, now);
}

/** GET /2/tweets/search/recent: the last seven days, matched by the query language in x-search.ts. */
export function search(view: XView, q: URLSearchParams, now: number): SimResponse {
  const { data } = view;
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
  return page(view, hits, q, tq, { min: 10, tokenParams: ['next_token', 'pagination_token'], previous: false }, now);
}
