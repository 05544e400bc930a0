/**
 * A local TikLiveAPI (docs/providers.md, part T) serving the simulated world: GET-only endpoints with a
 * trailing slash, `X-Api-Key` auth, HTTP 200 error envelopes, 200 requests/minute per key with a
 * bare HTTP 429, and one credit per successful call.
 */
import type { SimRequest, SimResponse, CommonSimulatorOptions, SimulatorHandle, SimulatorMode } from './sim-http';
import { WindowCounter, resolveClock, serveSimulator } from './sim-http';
import { renderUserInfo, renderVideo, videoCount } from './tiklive-format';
import { accountExistsAt, postsVisibleAt, type SimAccount, type SimPost, type World } from './world-model';

export const DEFAULT_TIKLIVE_KEY = 'tiklive-sim-key';

/**
 * ASSUMPTION: the shape of `/userid/` is undocumented (docs/providers.md T.3); we answer
 * `{"user_id":"<numeric id>"}`. Clients should parse defensively.
 */
export const USERID_RESPONSE_KEY = 'user_id';

export const TIKLIVE_MESSAGES = {
  badKey: 'Api-Key is not available',
  zeroBalance: 'Your balance is not enough. Please purchase more credits to continue.',
  userNotFound: 'User not found',
  postNotFound: 'Not found post',
  private: 'This account is private',
  rateLimited: 'Too many requests, please slow down',
} as const;

export interface TikLiveSimulatorOptions extends CommonSimulatorOptions {
  /** Accepted X-Api-Key values. Default [DEFAULT_TIKLIVE_KEY]. */
  apiKeys?: string[];
  /** Requests per minute per key before HTTP 429. Default 200 (the vendor's standard limit). */
  rateLimit?: number;
  /** Credits available; when spent, calls get the out-of-balance message. Default Infinity. */
  balance?: number;
}

const MAX_COUNT = 35;
const DEFAULT_COUNT = 10;
const ENDPOINTS = new Set([
  'userid',
  'userinfo-by-username',
  'userinfo-by-id',
  'user-posts',
  'post-detail',
  'search-user',
]);

type Json = Record<string, unknown>;
const ok = (body: Json, truncate = false): SimResponse => ({ status: 200, body, credits: 1, truncate });
const apiError = (message: string): SimResponse => ({ status: 200, body: { status: 'error', message } });
const bare = (message: string): SimResponse => ({ status: 200, body: { message } });

export async function startTikLiveSimulator(world: World, opts: TikLiveSimulatorOptions = {}): Promise<SimulatorHandle> {
  const clock = resolveClock(world, opts);
  const keys = new Set(opts.apiKeys ?? [DEFAULT_TIKLIVE_KEY]);
  const limit = opts.rateLimit ?? 200;
  const balance = opts.balance ?? Infinity;
  const perMinute = new WindowCounter(60_000, opts.wallClock ?? Date.now);
  const data = world.tiktok;
  /** Records whose one-off truncated body has been sent already. */
  const truncatedOnce = new Set<string>();
  let spent = 0;

  const truncateFor = (records: (SimAccount | SimPost)[]): boolean => {
    for (const r of records) {
      if (r.quirk === 'truncated' && !truncatedOnce.has(r.id)) {
        truncatedOnce.add(r.id);
        return true;
      }
    }
    return false;
  };

  const findUser = (username: string | null, now: number): SimAccount | undefined => {
    if (!username) return undefined;
    const a = data.byUsername.get(username.replace(/^@/, '').toLowerCase());
    return a && accountExistsAt(a, now) ? a : undefined;
  };
  const findUserById = (id: string | null, now: number): SimAccount | undefined => {
    const a = id ? data.byId.get(id) : undefined;
    return a && accountExistsAt(a, now) ? a : undefined;
  };

  const userInfo = (a: SimAccount | undefined, now: number): SimResponse =>
    a ? ok(renderUserInfo(data, a, now, world.now), truncateFor([a])) : apiError(TIKLIVE_MESSAGES.userNotFound);

  const userPosts = (q: URLSearchParams, now: number): SimResponse => {
    const userid = q.get('userid') ?? '';
    if (!/^\d+$/.test(userid)) return apiError('Invalid userid, a numeric user id is required');
    const a = findUserById(userid, now);
    if (!a) return apiError(TIKLIVE_MESSAGES.userNotFound);
    if (a.private) return apiError(TIKLIVE_MESSAGES.private);
    const n = Number.parseInt(q.get('count') ?? '', 10);
    const count = Number.isFinite(n) && n > 0 ? Math.min(MAX_COUNT, n) : DEFAULT_COUNT;
    const rawCursor = q.get('cursor') ?? '0';
    if (!/^\d+$/.test(rawCursor)) return apiError('Invalid cursor');
    const cursor = Number(rawCursor);
    const visible = postsVisibleAt(data, a.id, now);
    // Pinned posts lead page one and are not repeated in the chronological pages.
    const pinned = visible.filter((p) => p.pinned);
    const timeline = pinned.length ? visible.filter((p) => !p.pinned) : visible;
    let startIdx = 0;
    if (cursor > 0) {
      startIdx = timeline.findIndex((p) => p.createdAt < cursor);
      if (startIdx < 0) startIdx = timeline.length;
    }
    const firstPage = cursor === 0;
    const lead = firstPage ? pinned : [];
    const take = Math.max(1, count - lead.length);
    const page = timeline.slice(startIdx, startIdx + take);
    const items = [...lead, ...page];
    const hasMore = startIdx + page.length < timeline.length;
    const last = page[page.length - 1];
    return ok(
      {
        videos: items.map((p) => renderVideo(p, a, now, 'video_id')),
        cursor: last ? String(last.createdAt) : rawCursor,
        hasMore,
      },
      truncateFor(items),
    );
  };

  const postDetail = (q: URLSearchParams, now: number): SimResponse => {
    const m = /\/(?:video|photo)\/(\d+)/.exec(q.get('url') ?? '');
    const p = m ? data.postsById.get(m[1]) : undefined;
    const author = p ? findUserById(p.authorId, now) : undefined;
    if (!p || !author || author.private || p.createdAt > now) return apiError(TIKLIVE_MESSAGES.postNotFound);
    return ok(renderVideo(p, author, now, 'id'), truncateFor([p]));
  };

  const searchUser = (q: URLSearchParams, now: number): SimResponse => {
    const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    const kw = norm(q.get('keyword') ?? '');
    if (!kw) return apiError('keyword is required');
    const n = Number.parseInt(q.get('count') ?? '', 10);
    const count = Number.isFinite(n) && n > 0 ? Math.min(30, n) : DEFAULT_COUNT;
    const offset = Math.max(0, Number.parseInt(q.get('cursor') ?? '0', 10) || 0);
    const hits = data.accounts.filter(
      (a) => accountExistsAt(a, now) && (norm(a.username).includes(kw) || norm(a.displayName).includes(kw)),
    );
    const page = hits.slice(offset, offset + count);
    return ok({
      user_list: page.map((a) => ({
        user_info: {
          uid: a.id,
          uniqueId: a.username,
          nickname: a.displayName,
          secUid: a.secUid,
          signature: a.bio,
          avatarThumb: a.avatarUrl,
          followerCount: a.followers,
          heartCount: a.likes,
          videoCount: videoCount(data, a, now),
        },
      })),
      cursor: offset + page.length,
      has_more: offset + page.length < hits.length ? 1 : 0,
    });
  };

  return serveSimulator('tiklive', world, opts, (mode: SimulatorMode) => ({
    endpointOf: (req: SimRequest) => {
      const name = req.path.replace(/^\/+|\/+$/g, '');
      return ENDPOINTS.has(name) ? name : undefined;
    },
    failure: (status: number) => ({ status, body: `<html><body><h1>${status}</h1>upstream error</body></html>`, contentType: 'text/html' }),
    handle(req: SimRequest): SimResponse {
      const name = req.path.replace(/^\/+|\/+$/g, '');
      if (!ENDPOINTS.has(name)) return { status: 404, body: { message: 'Not Found' } };
      if (req.method !== 'GET') return { status: 405, body: { message: 'Method Not Allowed' } };
      const key = req.headers['x-api-key'];
      if (typeof key !== 'string' || !keys.has(key)) return bare(TIKLIVE_MESSAGES.badKey);
      if (!perMinute.take(key, limit).allowed) return { status: 429, body: { message: TIKLIVE_MESSAGES.rateLimited } };
      if (mode.zeroBalance || spent >= balance) return bare(TIKLIVE_MESSAGES.zeroBalance);
      const now = clock();
      const q = req.query;
      let out: SimResponse;
      switch (name) {
        case 'userid': {
          const a = findUser(q.get('username'), now);
          out = a ? ok({ [USERID_RESPONSE_KEY]: a.id }) : apiError(TIKLIVE_MESSAGES.userNotFound);
          break;
        }
        case 'userinfo-by-username':
          out = userInfo(findUser(q.get('username'), now), now);
          break;
        case 'userinfo-by-id':
          out = userInfo(findUserById(q.get('userid'), now), now);
          break;
        case 'user-posts':
          out = userPosts(q, now);
          break;
        case 'post-detail':
          out = postDetail(q, now);
          break;
        default:
          out = searchUser(q, now);
      }
      spent += out.credits ?? 0;
      return out;
    },
  }));
}
