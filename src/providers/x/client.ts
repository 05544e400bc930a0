/**
 * X API v2 client: user lookups (single and batched, with per-item partial errors) and user
 * timelines with `includes`, validated and typed.
 *
 * Every call goes through the lane's transport, so 429s wait for `x-rate-limit-reset` and an
 * exhausted `x-rate-limit-remaining` holds the next call to that endpoint until the window
 * opens. Profile lookups read and fill the profile cache per user, so a batch of 100 handles
 * costs only the handles not seen within the TTL.
 */
import type { Logger } from '../../log';
import { silentLogger } from '../../log';
import { profileCacheKey, type ProfileCache } from '../cache';
import type { Clock } from '../clock';
import { isProviderError, ProviderError, type ProviderErrorCode } from '../errors';
import { clientTransport, type HttpTransport, type OnResponse, type RetryOptions, type Scheduler } from '../http';
import type { ProviderClientStatus } from '../status';
import { itemErrorOf, problemCode, problemText, xClassifier } from './errors';
import { readTimelineBody } from './salvage';
import type { RejectedItem } from '../salvage';
import {
  csv,
  TIMELINE_EXPANSIONS,
  TWEET_FIELDS,
  USER_FIELDS,
  X_DEFAULT_BASE_URL,
  X_ENDPOINTS,
  X_LIMITS,
  X_NAMING,
  X_PATHS,
} from './fields';
import {
  XSingleUserResponse,
  XTimelineResponse,
  XUserListResponse,
  XUserSchema,
  type XItemError,
  type XProblem,
  type XTimelinePage,
  type XTweet,
  type XUser,
  type XUserBatch,
} from './types';
import type { z } from 'zod';

const PROVIDER = 'x-api-v2' as const;

export interface XClientOptions {
  /** Default https://api.x.com. */
  baseUrl?: string;
  /** App-only Bearer token. Unset: every call fails with AUTH without a request. */
  bearerToken?: string;
  /** Per-attempt deadline. Default 15000 ms. */
  timeoutMs?: number;
  /** Default: 4 attempts, base 250 ms, cap 8 s. */
  retry?: RetryOptions;
  /** Longest rate-limit wait accepted before failing with RATE_LIMITED. Default 16 min. */
  maxWaitMs?: number;
  /** Keep-alive connections. Default 8. */
  connections?: number;
  /** The lane's limiter (see limiter.ts). Default: none. */
  limiter?: Scheduler;
  /** Profile cache. Default: none. */
  cache?: ProfileCache;
  onResponse?: OnResponse;
  clock?: Partial<Clock>;
  logger?: Logger;
}

export interface XLookupOptions {
  /** Skip the cache read (fresh results are still cached). Default false. */
  noCache?: boolean;
}

export interface UserTweetsOptions {
  /** Oldest creation time to include (start_time). */
  startTime?: Date;
  endTime?: Date;
  sinceId?: string;
  paginationToken?: string;
  /** 5..100, clamped. Default 100. */
  maxResults?: number;
}

export interface AllTweetsOptions {
  startTime?: Date;
  endTime?: Date;
  sinceId?: string;
  /** Page size 5..100. Default 100. */
  maxResults?: number;
  /** Safety bound. Default 40 (3,200 reachable posts / 100 per page, plus slack). */
  maxPages?: number;
  /** Read a page rejected as MALFORMED item by item instead of failing. Default false. */
  salvage?: boolean;
}

type Entity = 'username' | 'id';

/** A 2xx body: parsed, and as received (for MALFORMED errors). */
interface Body {
  json: unknown;
  text: string;
}

export class XClient {
  readonly provider = PROVIDER;
  private readonly transport: HttpTransport;
  private readonly log: Logger;

  constructor(private readonly opts: XClientOptions = {}) {
    this.log = (opts.logger ?? silentLogger).child({ client: PROVIDER });
    this.transport = clientTransport(
      { provider: PROVIDER, baseUrl: opts.baseUrl ?? X_DEFAULT_BASE_URL, headers: opts.bearerToken ? { authorization: `Bearer ${opts.bearerToken}` } : {} },
      opts,
    );
  }

  get configured(): boolean {
    return Boolean(this.opts.bearerToken);
  }

  /** One user by handle; throws NOT_FOUND / SUSPENDED / PRIVATE when X reports the user unavailable. */
  async userByUsername(username: string, opts: XLookupOptions = {}): Promise<XUser> {
    const name = this.check('username', username.trim().replace(/^@/, ''), X_ENDPOINTS.userByUsername);
    return this.single('username', name, X_ENDPOINTS.userByUsername, X_PATHS.userByUsername(name), opts);
  }

  async userById(id: string, opts: XLookupOptions = {}): Promise<XUser> {
    const v = this.check('id', id.trim(), X_ENDPOINTS.userById);
    return this.single('id', v, X_ENDPOINTS.userById, X_PATHS.userById(v), opts);
  }

  /** Many users by handle, 100 per request; unavailable or invalid handles come back in `errors`. */
  async usersByUsernames(usernames: readonly string[], opts: XLookupOptions = {}): Promise<XUserBatch> {
    return this.batch('username', usernames.map((u) => u.trim().replace(/^@/, '')), opts);
  }

  async usersByIds(ids: readonly string[], opts: XLookupOptions = {}): Promise<XUserBatch> {
    return this.batch('id', ids.map((i) => i.trim()), opts);
  }

  /** One timeline page, newest first, with referenced posts and users in `includes`. */
  async userTweets(userId: string, opts: UserTweetsOptions = {}): Promise<XTimelinePage> {
    const endpoint = X_ENDPOINTS.userTweets;
    const id = this.check('id', userId.trim(), endpoint);
    if (opts.sinceId !== undefined) this.check('id', opts.sinceId, endpoint);
    const maxResults = Math.min(
      X_LIMITS.timelineMaxResults,
      Math.max(X_LIMITS.timelineMinResults, Math.floor(opts.maxResults ?? X_LIMITS.timelineMaxResults)),
    );
    const json = await this.call(endpoint, X_PATHS.userTweets(id), {
      max_results: maxResults,
      start_time: opts.startTime?.toISOString(),
      end_time: opts.endTime?.toISOString(),
      since_id: opts.sinceId,
      pagination_token: opts.paginationToken,
      [X_NAMING.postFieldsParam]: csv(TWEET_FIELDS),
      expansions: csv(TIMELINE_EXPANSIONS),
      'user.fields': csv(USER_FIELDS),
    });
    const body = this.validate(XTimelineResponse, json, endpoint);
    const errors = body.errors ?? [];
    if (!body.data && !body.meta && errors.length > 0) {
      // The whole timeline is unavailable (suspended, protected, gone).
      throw this.problemError(errors[0], endpoint);
    }
    return {
      tweets: body.data ?? [],
      includes: { users: body.includes?.users ?? [], tweets: body.includes?.tweets ?? [] },
      meta: body.meta ?? {},
      errors,
    };
  }

  /**
   * Every page of a user's timeline within the window, following `next_token` (docs/providers.md
   * X.5); each post appears once across pages. Pages are yielded whole so `includes` stay next to
   * the posts they explain. With `salvage`, a page the client rejects as MALFORMED is read item by
   * item from its raw body (its rejected items come with it) and paging goes on from its token.
   */
  async *allTweets(userId: string, opts: AllTweetsOptions = {}): AsyncGenerator<XTimelinePage & { rejected: RejectedItem[] }, void, undefined> {
    const maxPages = opts.maxPages ?? 40;
    const seen = new Set<string>();
    const tokens = new Set<string>();
    let token: string | undefined;
    for (let pageNo = 1; pageNo <= maxPages; pageNo++) {
      let page: XTimelinePage;
      let rejected: RejectedItem[] = [];
      try {
        page = await this.userTweets(userId, { ...opts, paginationToken: token });
      } catch (e) {
        const salvaged = opts.salvage && isProviderError(e) && e.code === 'MALFORMED' && e.rawBody ? salvageTimeline(e.rawBody) : undefined;
        if (!salvaged) throw e;
        page = { tweets: salvaged.tweets, includes: salvaged.includes, meta: salvaged.meta, errors: salvaged.problems };
        rejected = [{ ref: `x:${userId}`, reason: `page ${pageNo}: ${(e as Error).message}` }, ...salvaged.rejected];
      }
      const tweets: XTweet[] = page.tweets.filter((t) => !seen.has(t.id));
      for (const t of tweets) seen.add(t.id);
      if (tweets.length > 0 || page.errors.length > 0 || rejected.length > 0) yield { ...page, tweets, rejected };
      const next = page.meta.next_token;
      // Even result_count 0 may carry a next_token, so only a missing or repeated token ends it.
      if (!next || tokens.has(next)) return;
      tokens.add(next);
      token = next;
    }
    this.log.warn({ userId, maxPages }, 'allTweets stopped at maxPages');
  }

  async status(): Promise<ProviderClientStatus> {
    return this.transport.status({ configured: this.configured });
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  private async single(kind: Entity, value: string, endpoint: string, path: string, opts: XLookupOptions): Promise<XUser> {
    const hit = opts.noCache ? undefined : await this.fromCache(kind, value);
    if (hit) return hit;
    const json = await this.call(endpoint, path, { 'user.fields': csv(USER_FIELDS) });
    const body = this.validate(XSingleUserResponse, json, endpoint);
    if (body.data) {
      await this.remember(body.data);
      return body.data;
    }
    const problem = body.errors?.[0];
    if (problem) throw this.problemError(problem, endpoint);
    throw this.noted(
      new ProviderError('MALFORMED', 'neither data nor errors in user lookup', {
        provider: PROVIDER,
        endpoint,
        status: 200,
        rawBody: json.text,
      }),
    );
  }

  private async batch(kind: Entity, values: readonly string[], opts: XLookupOptions): Promise<XUserBatch> {
    const endpoint = kind === 'username' ? X_ENDPOINTS.usersByUsernames : X_ENDPOINTS.usersByIds;
    const pattern = kind === 'username' ? X_LIMITS.usernamePattern : X_LIMITS.idPattern;
    const users: XUser[] = [];
    const errors: XItemError[] = [];
    const wanted: string[] = [];
    const asked = new Set<string>();
    for (const v of values) {
      const k = v.toLowerCase();
      if (asked.has(k)) continue;
      asked.add(k);
      if (!pattern.test(v)) {
        // A single bad item would fail the whole batch with a 400; report it alone instead.
        errors.push({ value: v, code: 'INVALID_REQUEST', detail: `not a valid X ${kind}` });
        continue;
      }
      const hit = opts.noCache ? undefined : await this.fromCache(kind, v);
      if (hit) users.push(hit);
      else wanted.push(v);
    }
    for (let i = 0; i < wanted.length; i += X_LIMITS.batchSize) {
      const chunk = wanted.slice(i, i + X_LIMITS.batchSize);
      const json = await this.call(endpoint, kind === 'username' ? X_PATHS.usersByUsernames : X_PATHS.usersByIds, {
        [kind === 'username' ? 'usernames' : 'ids']: csv(chunk),
        'user.fields': csv(USER_FIELDS),
      });
      const body = this.validate(XUserListResponse, json, endpoint);
      for (const u of body.data ?? []) {
        users.push(u);
        await this.remember(u);
      }
      const found = new Set((body.data ?? []).map((u) => (kind === 'username' ? u.username : u.id).toLowerCase()));
      const reported = new Set<string>();
      for (const p of body.errors ?? []) {
        const item = itemErrorOf(p);
        if (item.value) reported.add(item.value.toLowerCase());
        errors.push(item);
      }
      // An item neither returned nor reported should not vanish silently.
      for (const v of chunk) {
        const k = v.toLowerCase();
        if (!found.has(k) && !reported.has(k)) {
          errors.push({ value: v, code: 'TRANSIENT', detail: 'not in data and not in errors' });
        }
      }
    }
    return { users, errors };
  }

  /** Returns the parsed body; the raw text stays available to validate() through `lastBody`. */
  private async call(endpoint: string, path: string, query: Record<string, string | number | undefined>): Promise<Body> {
    if (!this.opts.bearerToken) {
      throw this.noted(new ProviderError('AUTH', 'no X bearer token configured', { provider: PROVIDER, endpoint }));
    }
    const res = await this.transport.get({ endpoint, family: endpoint, path, query, classify: xClassifier(endpoint) });
    return { json: JSON.parse(res.body) as unknown, text: res.body };
  }

  private validate<S extends z.ZodType>(schema: S, body: Body, endpoint: string): z.output<S> {
    const r = schema.safeParse(body.json);
    if (r.success) return r.data;
    const reason = r.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw this.noted(
      new ProviderError('MALFORMED', `${endpoint}: ${reason}`, {
        provider: PROVIDER,
        endpoint,
        status: 200,
        rawBody: body.text,
        cause: r.error,
      }),
    );
  }

  private problemError(p: XProblem, endpoint: string): ProviderError {
    const err = new ProviderError(problemCode(p), problemText(p), { provider: PROVIDER, endpoint, status: 200 });
    return this.noted(err);
  }

  private cacheKey(kind: Entity, value: string): string {
    return kind === 'username'
      ? profileCacheKey(PROVIDER, X_ENDPOINTS.userByUsername, { username: value })
      : profileCacheKey(PROVIDER, X_ENDPOINTS.userById, { id: value });
  }

  private async fromCache(kind: Entity, value: string): Promise<XUser | undefined> {
    const cache = this.opts.cache;
    if (!cache) return undefined;
    const key = this.cacheKey(kind, value);
    const text = await cache.get(key);
    if (text === undefined) return undefined;
    try {
      const r = XUserSchema.safeParse(JSON.parse(text));
      if (r.success) return r.data;
    } catch {
      // fall through: unreadable entry
    }
    await cache.delete(key);
    return undefined;
  }

  /** A user is cached under both its handle and its id. */
  private async remember(u: XUser): Promise<void> {
    const cache = this.opts.cache;
    if (!cache) return;
    const text = JSON.stringify(u);
    await Promise.all([cache.set(this.cacheKey('username', u.username), text), cache.set(this.cacheKey('id', u.id), text)]);
  }

  private check(kind: Entity, value: string, endpoint: string): string {
    const pattern = kind === 'username' ? X_LIMITS.usernamePattern : X_LIMITS.idPattern;
    if (!pattern.test(value)) {
      throw new ProviderError('INVALID_REQUEST', `not a valid X ${kind}: ${JSON.stringify(value)}`, {
        provider: PROVIDER,
        endpoint,
      });
    }
    return value;
  }

  private noted(e: ProviderError): ProviderError {
    this.transport.noteError(e);
    return e;
  }
}

/** A rejected page's raw body read item by item; undefined when even that fails. */
function salvageTimeline(body: string): ReturnType<typeof readTimelineBody> | undefined {
  try {
    return readTimelineBody(body);
  } catch {
    return undefined;
  }
}
