/**
 * TikLiveAPI -> graph model. Profiles become AccountRecords, `/user-posts/` videos PostRecords
 * (hashtags and mentions parsed from the caption, pinned posts flagged, counts as numbers or
 * numeric strings, a null caption kept as null). Every field is read through the rules below,
 * which `Query.lineage` lists (lineage.ts).
 */
import type { AccountRecord } from '../../graph/model';
import { TIKLIVE_PATHS } from '../../providers/tiklive/assumptions';
import type { TikLiveUserInfo, TikLiveVideo } from '../../providers/tiklive/types';
import { hashtagsIn, mentionsIn } from './text';
import { tiktokVideoUrl } from './links';
import { countOrNull, FETCHED_AT, nonEmpty, NormalizeError, readWith, type AccountFields, type PostFields, type RuleSet } from './rules';
import { reasonOf, toNormalizedPost, type NormalizedPost, type RejectedItem } from './post';

// ------------------------------------------------------------------ field rules

export interface TikTokProfileInput {
  info: TikLiveUserInfo;
  fetchedAt: string;
}

export const TIKTOK_PROFILE_RULES: RuleSet<TikTokProfileInput, AccountFields> = {
  platform: 'TIKTOK',
  provider: 'tikliveapi',
  endpoints: [TIKLIVE_PATHS.userInfoByUsername, TIKLIVE_PATHS.userInfoById],
  rules: {
    platform: { graph: ['Account.platform'], wire: '(lane: TikTok)', read: () => 'TIKTOK' },
    platformUserId: { graph: ['Account.id', 'Account.platformUserId'], wire: 'user.id', read: (w) => w.info.user.id },
    username: {
      graph: ['Account.username', 'Account.usernameLower', 'Account.handleNorm'],
      wire: 'user.uniqueId',
      read: (w) => w.info.user.uniqueId,
    },
    displayName: { graph: ['Account.displayName'], wire: 'user.nickname', read: (w) => nonEmpty(w.info.user.nickname) },
    bio: { graph: ['Account.bio'], wire: 'user.signature', read: (w) => nonEmpty(w.info.user.signature) },
    bioLink: { graph: ['Account.bioLink'], wire: 'user.bioLink.link', read: (w) => nonEmpty(w.info.user.bioLink?.link) },
    avatarUrl: {
      graph: ['Account.avatarUrl'],
      wire: 'user.avatarLarger (else avatarMedium, avatarThumb)',
      read: (w) => nonEmpty(w.info.user.avatarLarger) ?? nonEmpty(w.info.user.avatarMedium) ?? nonEmpty(w.info.user.avatarThumb),
    },
    secUid: { graph: ['Account.secUid'], wire: 'user.secUid', read: (w) => nonEmpty(w.info.user.secUid) },
    verified: { graph: ['Account.verified'], wire: 'user.verified', read: (w) => w.info.user.verified ?? null },
    followers: {
      graph: ['Account.followers', 'AccountSnapshot.followers'],
      wire: 'stats.followerCount (or user.stats / user, see providers/tiklive/assumptions.ts)',
      read: (w) => w.info.stats.followerCount,
    },
    following: {
      graph: ['Account.following', 'AccountSnapshot.following'],
      wire: 'stats.followingCount',
      read: (w) => countOrNull(w.info.stats.followingCount),
    },
    hearts: {
      graph: ['Account.hearts', 'AccountSnapshot.hearts'],
      wire: 'stats.heartCount (else stats.heart)',
      read: (w) => countOrNull(w.info.stats.heartCount),
    },
    postCount: {
      graph: ['Account.postCount', 'AccountSnapshot.postCount'],
      wire: 'stats.videoCount',
      read: (w) => countOrNull(w.info.stats.videoCount),
    },
    fetchedAt: { graph: ['Account.fetchedAt', 'AccountSnapshot.at'], wire: FETCHED_AT, read: (w) => w.fetchedAt },
  },
};

export interface TikTokVideoInput {
  video: TikLiveVideo;
  /** The numeric user id the page was requested for (the `userid` query parameter). */
  requestedUserId: string;
  /** The author's handle when the caller knows it (for the post URL). */
  authorUsername?: string;
  fetchedAt: string;
}

export const TIKTOK_VIDEO_RULES: RuleSet<TikTokVideoInput, PostFields> = {
  platform: 'TIKTOK',
  provider: 'tikliveapi',
  endpoints: [TIKLIVE_PATHS.userPosts],
  rules: {
    platform: { graph: ['Post.platform'], wire: '(lane: TikTok)', read: () => 'TIKTOK' },
    platformPostId: { graph: ['Post.id', 'Post.platformPostId'], wire: 'videos[].video_id (else id)', read: (w) => w.video.video_id },
    authorPlatformUserId: {
      graph: ['POSTED'],
      wire: 'videos[].author.id (else the userid requested)',
      read: (w) => w.video.author?.id ?? w.requestedUserId,
    },
    url: {
      graph: ['Post.url'],
      wire: 'videos[].author.unique_id + video_id',
      read: (w) => tiktokVideoUrl(w.video.author?.unique_id ?? w.authorUsername, w.video.video_id),
    },
    text: { graph: ['Post.text'], wire: 'videos[].title (may be null)', read: (w) => w.video.title ?? null },
    createdAt: {
      graph: ['Post.createdAt', 'Account.lastPostAt', 'AMPLIFIED.lagSeconds'],
      wire: 'videos[].create_time (Unix seconds)',
      read: (w) => {
        const t = w.video.create_time * 1000;
        if (!Number.isFinite(t) || t <= 0) throw new NormalizeError(`video ${w.video.video_id}: bad create_time`);
        return new Date(t).toISOString();
      },
    },
    hashtags: {
      graph: ['Hashtag.tag', 'TAGGED'],
      wire: 'videos[].title (#tags parsed from the caption)',
      read: (w) => hashtagsIn(w.video.title),
    },
    mentions: { graph: ['MENTIONS'], wire: 'videos[].title (@handles parsed from the caption)', read: (w) => mentionsIn(w.video.title, 'TIKTOK') },
    views: { graph: ['Post.views'], wire: 'videos[].play_count', read: (w) => countOrNull(w.video.play_count) },
    likes: { graph: ['Post.likes', 'Post.engagement'], wire: 'videos[].digg_count', read: (w) => countOrNull(w.video.digg_count) },
    comments: { graph: ['Post.comments', 'Post.engagement'], wire: 'videos[].comment_count', read: (w) => countOrNull(w.video.comment_count) },
    shares: { graph: ['Post.shares', 'Post.engagement'], wire: 'videos[].share_count', read: (w) => countOrNull(w.video.share_count) },
    quotes: { graph: ['Post.quotes'], wire: '(none on TikTok)', read: () => null },
    bookmarks: { graph: ['Post.bookmarks'], wire: 'videos[].collect_count', read: (w) => countOrNull(w.video.collect_count) },
    pinned: { graph: ['Post.pinned'], wire: 'videos[].is_top (see PINNED_KEYS)', read: (w) => w.video.pinned },
    fetchedAt: { graph: ['Post.fetchedAt'], wire: FETCHED_AT, read: (w) => w.fetchedAt },
  },
};

// ------------------------------------------------------------------ normalisers

export function normalizeTikTokProfile(info: TikLiveUserInfo, fetchedAt: string, endpoint: string = TIKLIVE_PATHS.userInfoById): AccountRecord {
  return { ...readWith(TIKTOK_PROFILE_RULES, { info, fetchedAt }), source: { provider: 'tikliveapi', endpoint } };
}

export function normalizeTikTokVideo(video: TikLiveVideo, ctx: Omit<TikTokVideoInput, 'video'>): NormalizedPost {
  return toNormalizedPost(readWith(TIKTOK_VIDEO_RULES, { ...ctx, video }));
}

/** Normalises a page of videos; items that cannot become posts are returned as rejected. */
export function normalizeTikTokVideos(
  videos: readonly TikLiveVideo[],
  ctx: Omit<TikTokVideoInput, 'video'>,
): { posts: NormalizedPost[]; rejected: RejectedItem[] } {
  const posts: NormalizedPost[] = [];
  const rejected: RejectedItem[] = [];
  for (const v of videos) {
    try {
      posts.push(normalizeTikTokVideo(v, ctx));
    } catch (e) {
      rejected.push({ ref: `tiktok:${v.video_id}`, reason: reasonOf(e) });
    }
  }
  return { posts, rejected };
}
