/**
 * TikLiveAPI wire shapes (docs/providers.md T.3) as zod schemas, and the typed objects the client
 * returns after validation.
 *
 * Lenient exactly where the reference says a fact is assumed: counts may be numbers or numeric
 * strings, ids strings or numbers, `title` may be null, `cursor` a string or a number, and the
 * profile counts may sit at top level, in `user.stats` or flat on `user` (see assumptions.ts).
 * Unknown fields are kept (loose objects), so normalisers can reach fields we do not model yet.
 */
import { z } from 'zod';
import { HAS_MORE_KEYS, PINNED_KEYS, STATS_LOCATIONS, USERID_KEYS } from './assumptions';

/** A count: number or numeric string, as some TikTok sources send statsV2 strings. */
export const Count = z
  .union([z.number(), z.string().regex(/^\s*-?\d+(\.\d+)?\s*$/, 'not a numeric string')])
  .transform((v) => Number(v));

/** Ids are numeric strings; a number is accepted but may have lost precision in JSON.parse. */
export const Id = z
  .union([z.string().regex(/^\S+$/, 'empty or blank id'), z.number().int().nonnegative()])
  .transform((v) => String(v));

const BoolIsh = z
  .union([z.boolean(), z.number(), z.string()])
  .transform((v) => v === true || v === 1 || v === '1' || v === 'true');

export const TikLiveStatsSchema = z.looseObject({
  followerCount: Count,
  followingCount: Count.optional(),
  heartCount: Count.optional(),
  heart: Count.optional(),
  videoCount: Count.optional(),
  diggCount: Count.optional(),
  friendCount: Count.optional(),
});
export type TikLiveStats = z.output<typeof TikLiveStatsSchema>;

export const TikLiveUserSchema = z.looseObject({
  id: Id,
  uniqueId: z.string().min(1),
  nickname: z.string().nullish(),
  signature: z.string().nullish(),
  avatarThumb: z.string().nullish(),
  avatarMedium: z.string().nullish(),
  avatarLarger: z.string().nullish(),
  verified: BoolIsh.optional(),
  secUid: z.string().nullish(),
  privateAccount: BoolIsh.optional(),
  secret: BoolIsh.optional(),
  /** Only present when a link is set. */
  bioLink: z.looseObject({ link: z.string(), risk: z.number().optional() }).nullish(),
  region: z.string().nullish(),
  language: z.string().nullish(),
});
export type TikLiveUser = z.output<typeof TikLiveUserSchema>;

export interface TikLiveUserInfo {
  user: TikLiveUser;
  /** `heartCount` falls back to `heart` when only that is sent. */
  stats: TikLiveStats;
  /** Where the counts were found, so the seen-once dispute in docs/providers.md T.3 can be settled from logs. */
  statsLocation: (typeof STATS_LOCATIONS)[number];
}

const UserInfoEnvelope = z.looseObject({ user: TikLiveUserSchema });

export const TikLiveVideoSchema = z
  .looseObject({
    video_id: Id.optional(),
    id: Id.optional(),
    /** The caption; null for some posts. */
    title: z.string().nullish(),
    /** Unix seconds. */
    create_time: Count,
    // Nullable: one video without counts must not cost the whole page (the simulator and, now and
    // then, the provider send such items). null means "unknown", not zero.
    play_count: Count.nullish(),
    digg_count: Count.nullish(),
    comment_count: Count.nullish(),
    share_count: Count.nullish(),
    collect_count: Count.nullish(),
    cover: z.string().nullish(),
    duration: Count.nullish(),
    region: z.string().nullish(),
    author: z
      .looseObject({
        id: Id.optional(),
        unique_id: z.string().optional(),
        nickname: z.string().nullish(),
        avatar: z.string().nullish(),
      })
      .nullish(),
    music_info: z
      .looseObject({ id: Id.optional(), title: z.string().nullish(), author: z.string().nullish() })
      .nullish(),
  })
  .refine((v) => v.video_id !== undefined || v.id !== undefined, { message: 'video has neither video_id nor id' })
  .transform((v) => {
    const raw = v as Record<string, unknown>;
    const pinnedKey = PINNED_KEYS.find((k) => raw[k] !== undefined && raw[k] !== null);
    const pinnedRaw = pinnedKey ? raw[pinnedKey] : undefined;
    return {
      ...v,
      video_id: (v.video_id ?? v.id) as string,
      title: v.title ?? null,
      play_count: v.play_count ?? null,
      digg_count: v.digg_count ?? null,
      comment_count: v.comment_count ?? null,
      share_count: v.share_count ?? null,
      collect_count: v.collect_count ?? null,
      /** Pinned posts come first in a page regardless of age. */
      pinned: pinnedRaw === true || pinnedRaw === 1 || pinnedRaw === '1' || pinnedRaw === 'true',
    };
  });
export type TikLiveVideo = z.output<typeof TikLiveVideoSchema>;

export interface TikLivePostsPage {
  videos: TikLiveVideo[];
  /** Pass back as `cursor` for the next page; undefined when the provider sent none. */
  cursor?: string;
  hasMore: boolean;
}

const PostsEnvelope = z.looseObject({
  videos: z.array(TikLiveVideoSchema).nullable(),
  cursor: z.union([z.string(), z.number()]).nullish(),
});

/** Validation failure with a short human-readable reason. */
export class ShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShapeError';
  }
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseUserInfo(body: unknown): TikLiveUserInfo {
  const env = UserInfoEnvelope.safeParse(body);
  if (!env.success) throw new ShapeError(`user info: ${describe(env.error)}`);
  const root = body as Record<string, unknown>;
  const user = root.user as Record<string, unknown>;
  const candidates: Record<(typeof STATS_LOCATIONS)[number], unknown> = {
    stats: root.stats,
    'user.stats': user.stats,
    user,
  };
  for (const location of STATS_LOCATIONS) {
    const c = candidates[location];
    if (!isRecord(c) || c.followerCount === undefined) continue;
    const stats = TikLiveStatsSchema.safeParse(c);
    if (!stats.success) throw new ShapeError(`user info ${location}: ${describe(stats.error)}`);
    const s = stats.data;
    return { user: env.data.user, stats: { ...s, heartCount: s.heartCount ?? s.heart }, statsLocation: location };
  }
  throw new ShapeError('user info: no followerCount in stats, user.stats or user');
}

export function parsePostsPage(body: unknown): TikLivePostsPage {
  const env = PostsEnvelope.safeParse(body);
  if (!env.success) throw new ShapeError(`user posts: ${describe(env.error)}`);
  const root = body as Record<string, unknown>;
  const flagKey = HAS_MORE_KEYS.find((k) => root[k] !== undefined && root[k] !== null);
  if (!flagKey) throw new ShapeError(`user posts: none of ${HAS_MORE_KEYS.join(', ')} present`);
  const flag = root[flagKey];
  const hasMore = flag === true || flag === 1 || flag === '1' || flag === 'true';
  const cursor = env.data.cursor;
  return {
    videos: env.data.videos ?? [],
    cursor: cursor === undefined || cursor === null || cursor === '' ? undefined : String(cursor),
    hasMore,
  };
}

/** /userid/: shape unknown (assumed); looks for a numeric id under USERID_KEYS at top level, `user`, `data`. */
export function parseUserId(body: unknown): string {
  const scopes: unknown[] = isRecord(body) ? [body, body.user, body.data] : [body];
  for (const scope of scopes) {
    if (typeof scope === 'string' || typeof scope === 'number') {
      if (/^\d+$/.test(String(scope))) return String(scope);
      continue;
    }
    if (!isRecord(scope)) continue;
    for (const k of USERID_KEYS) {
      const v = scope[k];
      if ((typeof v === 'string' || typeof v === 'number') && /^\d+$/.test(String(v))) return String(v);
    }
  }
  throw new ShapeError(`userid: no numeric id under ${USERID_KEYS.join(', ')}`);
}
