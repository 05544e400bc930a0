/**
 * TikLiveAPI client: profiles and post pages, validated and typed.
 *
 * Every call: credential check -> credit reservation (fails fast with QUOTA) -> the lane's
 * transport (limiter, retries, raw-exchange hook) -> T.4 error mapping -> zod validation. A failed
 * request releases its credit, since TikLiveAPI charges only successful requests (but every 200
 * that is not an error envelope counts, even one retried for being unreadable). Profile lookups
 * go through the profile cache first.
 */
import type { Logger } from '../../log';
import { silentLogger } from '../../log';
import type { CreditBudget } from '../budget';
import { profileCacheKey, type ProfileCache } from '../cache';
import type { Clock } from '../clock';
import { isProviderError, ProviderError } from '../errors';
import type { RejectedItem } from '../salvage';
import { readPostsBody } from './salvage';
import { clientTransport, type Classifier, type HttpTransport, type OnResponse, type RetryOptions, type Scheduler } from '../http';
import type { ProviderClientStatus } from '../status';
import { TIKLIVE_DEFAULT_BASE_URL, TIKLIVE_MAX_POSTS_PER_PAGE, TIKLIVE_PATHS } from './assumptions';
import { tikLiveClassifier } from './errors';
import {
  parsePostsPage,
  parseUserId,
  parseUserInfo,
  ShapeError,
  type TikLivePostsPage,
  type TikLiveUserInfo,
  type TikLiveVideo,
} from './types';

const PROVIDER = 'tikliveapi' as const;

export interface TikLiveClientOptions {
  /** Default https://api.tikliveapi.com. */
  baseUrl?: string;
  /** Sent as X-Api-Key. Unset: every call fails with AUTH without a request. */
  key?: string;
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
  /** The monthly credit budget. Default: none (unmetered). */
  budget?: CreditBudget;
  /** Profile cache. Default: none (every lookup is a request). */
  cache?: ProfileCache;
  onResponse?: OnResponse;
  clock?: Partial<Clock>;
  logger?: Logger;
}

export interface LookupOptions {
  /** Skip the cache read (the fresh result is still cached). Default false. */
  noCache?: boolean;
}

export interface UserPostsOptions {
  /** 1..35, clamped. Default 35. */
  count?: number;
  /** The previous page's cursor. Default "0" (first page). */
  cursor?: string;
}

export interface AllPostsOptions {
  /** Stop once posts are older than this (pinned posts excepted) and leave older ones out. */
  since?: Date;
  /** Default 35 (the provider's maximum). */
  pageSize?: number;
  /** Safety bound on pages followed. Default 1000. */
  maxPages?: number;
  /** Read a page rejected as MALFORMED item by item instead of failing (postPages only). Default false. */
  salvage?: boolean;
}

/** A page as postPages yields it: the videos not seen on earlier pages, and items it could not read. */
export interface PostsPageSlice {
  videos: TikLiveVideo[];
  rejected: RejectedItem[];
}

const USERNAME_RE = /^[A-Za-z0-9_.]{1,64}$/;
const NUMERIC_RE = /^\d{1,25}$/;

export class TikLiveClient {
  readonly provider = PROVIDER;
  private readonly transport: HttpTransport;
  private readonly log: Logger;

  constructor(private readonly opts: TikLiveClientOptions = {}) {
    this.log = (opts.logger ?? silentLogger).child({ client: PROVIDER });
    this.transport = clientTransport(
      { provider: PROVIDER, baseUrl: opts.baseUrl ?? TIKLIVE_DEFAULT_BASE_URL, headers: opts.key ? { 'x-api-key': opts.key } : {} },
      opts,
    );
  }

  get configured(): boolean {
    return Boolean(this.opts.key);
  }

  /** Profile by handle ("@name" or "name"). */
  async userInfoByUsername(username: string, opts: LookupOptions = {}): Promise<TikLiveUserInfo> {
    const name = this.handle(username, TIKLIVE_PATHS.userInfoByUsername);
    const key = profileCacheKey(PROVIDER, TIKLIVE_PATHS.userInfoByUsername, { username: name });
    const cached = opts.noCache ? undefined : await this.cached(key, parseUserInfo);
    if (cached) return cached;
    const { value, body } = await this.call(TIKLIVE_PATHS.userInfoByUsername, { username: name }, parseUserInfo);
    await this.remember(value, body, name);
    return value;
  }

  /** Profile by numeric user id. */
  async userInfoById(userid: string, opts: LookupOptions = {}): Promise<TikLiveUserInfo> {
    const id = this.numeric(userid, TIKLIVE_PATHS.userInfoById);
    const key = profileCacheKey(PROVIDER, TIKLIVE_PATHS.userInfoById, { userid: id });
    const cached = opts.noCache ? undefined : await this.cached(key, parseUserInfo);
    if (cached) return cached;
    const { value, body } = await this.call(TIKLIVE_PATHS.userInfoById, { userid: id }, parseUserInfo);
    await this.remember(value, body);
    return value;
  }

  /**
   * Numeric id for a handle. Answered from the cache when this handle's id or profile was seen
   * within the TTL; otherwise one /userid/ call (1 credit).
   */
  async userId(username: string, opts: LookupOptions = {}): Promise<string> {
    const name = this.handle(username, TIKLIVE_PATHS.userId);
    const idKey = profileCacheKey(PROVIDER, TIKLIVE_PATHS.userId, { username: name });
    if (!opts.noCache && this.opts.cache) {
      const id = await this.opts.cache.get(idKey);
      if (id && NUMERIC_RE.test(id)) return id;
      const profile = await this.cached(
        profileCacheKey(PROVIDER, TIKLIVE_PATHS.userInfoByUsername, { username: name }),
        parseUserInfo,
      );
      if (profile) return profile.user.id;
    }
    const { value } = await this.call(TIKLIVE_PATHS.userId, { username: name }, parseUserId);
    await this.opts.cache?.set(idKey, value);
    return value;
  }

  /** One page of a user's posts (newest first, pinned posts first). Not cached. */
  async userPosts(userid: string, opts: UserPostsOptions = {}): Promise<TikLivePostsPage> {
    const id = this.numeric(userid, TIKLIVE_PATHS.userPosts);
    const count = Math.min(TIKLIVE_MAX_POSTS_PER_PAGE, Math.max(1, Math.floor(opts.count ?? TIKLIVE_MAX_POSTS_PER_PAGE)));
    const { value } = await this.call(
      TIKLIVE_PATHS.userPosts,
      { userid: id, count, cursor: opts.cursor ?? '0' },
      parsePostsPage,
    );
    return value;
  }

  /**
   * Every page of a user's posts (docs/providers.md T.3), each video once, following cursors until
   * `hasMore` is false, a page brings nothing new, the cursor stops moving, or the page's oldest
   * non-pinned video is older than `since` (pinned ones lead page one at any age, without meaning
   * the window has been passed). Pages are yielded whole, older videos included (they were paid
   * for). With `salvage`, a page rejected as MALFORMED is read item by item from its raw body and
   * paging goes on from its cursor.
   */
  async *postPages(userid: string, opts: AllPostsOptions = {}): AsyncGenerator<PostsPageSlice, void, undefined> {
    const sinceSec = opts.since ? opts.since.getTime() / 1000 : undefined;
    const maxPages = opts.maxPages ?? 1000;
    const seen = new Set<string>();
    let cursor = '0';
    for (let pageNo = 1; pageNo <= maxPages; pageNo++) {
      let page: { videos: TikLiveVideo[]; cursor?: string; hasMore: boolean };
      let rejected: RejectedItem[] = [];
      try {
        page = await this.userPosts(userid, { count: opts.pageSize, cursor });
      } catch (e) {
        const salvaged = opts.salvage && isProviderError(e) && e.code === 'MALFORMED' && e.rawBody ? salvagePosts(e.rawBody) : undefined;
        if (!salvaged) throw e;
        page = salvaged;
        rejected = [{ ref: `tiktok:${userid}`, reason: `page at cursor ${cursor}: ${(e as Error).message}` }, ...salvaged.rejected];
      }
      const fresh = page.videos.filter((v) => !seen.has(v.video_id));
      for (const v of fresh) seen.add(v.video_id);
      yield { videos: fresh, rejected };
      // The last non-pinned item is the page's oldest in timeline order.
      const tail = [...page.videos].reverse().find((v) => !v.pinned);
      const pastWindow = sinceSec !== undefined && tail !== undefined && tail.create_time < sinceSec;
      if (pastWindow || !page.hasMore || fresh.length === 0 || page.cursor === undefined || page.cursor === cursor) return;
      cursor = page.cursor;
    }
    this.log.warn({ userid, maxPages }, 'posts paging stopped at maxPages');
  }

  /** Every post of a user within the window (postPages, leaving older posts out), each once. */
  async *allPosts(userid: string, opts: AllPostsOptions = {}): AsyncGenerator<TikLiveVideo, void, undefined> {
    const sinceSec = opts.since ? opts.since.getTime() / 1000 : undefined;
    for await (const page of this.postPages(userid, opts)) {
      for (const v of page.videos) if (sinceSec === undefined || v.create_time >= sinceSec) yield v;
    }
  }

  async status(): Promise<ProviderClientStatus> {
    return this.transport.status({ configured: this.configured, budget: await this.opts.budget?.status() });
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  private async call<T>(
    path: string,
    query: Record<string, string | number>,
    parse: (json: unknown) => T,
  ): Promise<{ value: T; body: string }> {
    if (!this.opts.key) {
      throw this.noted(new ProviderError('AUTH', 'no TikLiveAPI key configured', { provider: PROVIDER, endpoint: path }));
    }
    let reservation;
    try {
      reservation = await this.opts.budget?.reserve(path);
    } catch (e) {
      throw e instanceof ProviderError ? this.noted(e) : e;
    }
    // TikLiveAPI bills every 200 that is not an error envelope, including one we could not read
    // and retried; the budget follows the provider's meter, not our count of logical calls.
    let charged = 0;
    const base = tikLiveClassifier(path);
    const classify: Classifier = (res) => {
      const e = base(res);
      if (res.status >= 200 && res.status < 300 && res.body.trim() !== '' && (!e || e.code === 'MALFORMED')) charged++;
      return e;
    };
    let body: string;
    try {
      ({ body } = await this.transport.get({ endpoint: path, path, query, classify }));
    } catch (e) {
      if (charged === 0) await reservation?.release();
      else if (charged > 1) await this.opts.budget?.charge(path, charged - 1);
      if (e instanceof ProviderError && e.code === 'QUOTA') this.opts.budget?.markProviderExhausted();
      throw e;
    }
    if (charged > 1) await this.opts.budget?.charge(path, charged - 1);
    try {
      return { value: parse(JSON.parse(body)), body };
    } catch (e) {
      const reason = e instanceof ShapeError ? e.message : `unreadable body: ${(e as Error).message}`;
      throw this.noted(
        new ProviderError('MALFORMED', reason, { provider: PROVIDER, endpoint: path, status: 200, rawBody: body, cause: e }),
      );
    }
  }

  /**
   * Caches the raw profile body under every key it answers: handle, id, and handle -> id; also
   * under the handle asked for, which differs from `uniqueId` after a rename.
   */
  private async remember(info: TikLiveUserInfo, body: string, asked?: string): Promise<void> {
    const cache = this.opts.cache;
    if (!cache) return;
    const name = info.user.uniqueId.toLowerCase();
    const aliases = asked && asked.toLowerCase() !== name ? [asked] : [];
    await Promise.all([
      ...aliases.map((a) => cache.set(profileCacheKey(PROVIDER, TIKLIVE_PATHS.userInfoByUsername, { username: a }), body)),
      cache.set(profileCacheKey(PROVIDER, TIKLIVE_PATHS.userInfoByUsername, { username: name }), body),
      cache.set(profileCacheKey(PROVIDER, TIKLIVE_PATHS.userInfoById, { userid: info.user.id }), body),
      cache.set(profileCacheKey(PROVIDER, TIKLIVE_PATHS.userId, { username: name }), info.user.id),
    ]);
  }

  private async cached<T>(key: string, parse: (json: unknown) => T): Promise<T | undefined> {
    const text = await this.opts.cache?.get(key);
    if (text === undefined) return undefined;
    try {
      return parse(JSON.parse(text));
    } catch {
      // A stale entry from an older schema: drop it and ask the provider.
      await this.opts.cache?.delete(key);
      return undefined;
    }
  }

  private handle(username: string, endpoint: string): string {
    const name = username.trim().replace(/^@/, '');
    if (!USERNAME_RE.test(name)) {
      throw new ProviderError('INVALID_REQUEST', `not a TikTok username: ${JSON.stringify(username)}`, {
        provider: PROVIDER,
        endpoint,
      });
    }
    return name;
  }

  private numeric(id: string, endpoint: string): string {
    const v = String(id).trim();
    if (!NUMERIC_RE.test(v)) {
      throw new ProviderError('INVALID_REQUEST', `TikLiveAPI needs a numeric user id, got ${JSON.stringify(id)}`, {
        provider: PROVIDER,
        endpoint,
      });
    }
    return v;
  }

  private noted(e: ProviderError): ProviderError {
    this.transport.noteError(e);
    return e;
  }
}

/** A rejected page's raw body read item by item; undefined when even that fails. */
function salvagePosts(body: string): ReturnType<typeof readPostsBody> | undefined {
  try {
    return readPostsBody(body);
  } catch {
    return undefined;
  }
}
