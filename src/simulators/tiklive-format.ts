/**
 * Renders world accounts and posts in TikLiveAPI's wire shapes (docs/providers.md T.3): a camelCase
 * `{user, stats}` profile and snake_case, tikwm-style video objects. Quirky records come out
 * quirky here (string counts, missing stats, null titles, extra fields).
 */
import {
  followersAt,
  metricsAt,
  postsVisibleAt,
  type PlatformData,
  type SimAccount,
  type SimPost,
} from './world-model';

const CDN = 'https://p16-sign-va.tiktokcdn.com';

function count(v: number, asString: boolean): number | string {
  return asString ? String(v) : v;
}

/** Videos the profile reports: those before the window plus the visible ones. */
export function videoCount(data: PlatformData, a: SimAccount, at: number): number {
  return a.priorPosts + postsVisibleAt(data, a.id, at).length;
}

export function renderUserInfo(data: PlatformData, a: SimAccount, at: number, worldNow: number): Record<string, unknown> {
  const followers = followersAt(a, at, worldNow);
  const s = a.quirk === 'stringCounts';
  const user: Record<string, unknown> = {
    id: a.id,
    uniqueId: a.username,
    nickname: a.displayName,
    avatarThumb: a.avatarUrl.replace('720x720', '100x100'),
    avatarMedium: a.avatarUrl,
    avatarLarger: a.avatarUrl.replace('720x720', '1080x1080'),
    signature: a.bio,
    verified: a.verified,
    secUid: a.secUid,
    secret: a.private,
    privateAccount: a.private,
    ftc: false,
    relation: 0,
    openFavorite: false,
    commentSetting: 0,
    duetSetting: 0,
    stitchSetting: 0,
    isADVirtual: false,
    region: a.region,
  };
  if (a.bioLink) user.bioLink = { link: a.bioLink, risk: 0 };
  const out: Record<string, unknown> = { user };
  if (a.quirk !== 'missingStats') {
    const hearts = Math.round(a.likes * (followers / Math.max(1, a.followers)));
    out.stats = {
      followerCount: count(followers, s),
      followingCount: count(a.following, s),
      heartCount: count(hearts, s),
      heart: count(hearts, s),
      videoCount: count(videoCount(data, a, at), s),
      diggCount: count(Math.round(a.following * 3.7), s),
      friendCount: count(Math.round(a.following / 5), s),
    };
  }
  if (a.quirk === 'extraField') out.shareMeta = { title: a.displayName, desc: `@${a.username}` };
  return out;
}

/** Music id derived from the video id: an "original sound" per video. */
function musicId(videoId: string): string {
  return (BigInt(videoId) + 1_234_567n).toString();
}

/** One video in `/user-posts/` (key `video_id`) or `/post-detail/` (key `id`) shape. */
export function renderVideo(p: SimPost, author: SimAccount, at: number, idKey: 'video_id' | 'id'): Record<string, unknown> {
  const m = metricsAt(p, at);
  const s = p.quirk === 'stringCounts';
  const cover = `${CDN}/tos-maliva-p-0068/${p.id.slice(-12)}~tplv-dmt-logom:tos-useast2a-i-0068/cover.jpeg`;
  const play = `${CDN}/video/tos/useast2a/${p.id}/play.mp4`;
  const v: Record<string, unknown> = {
    [idKey]: p.id,
    region: author.region,
    title: p.quirk === 'nullTitle' ? null : p.text,
    cover,
    origin_cover: cover.replace('cover.jpeg', 'origin.jpeg'),
    duration: p.durationSec,
    play,
    wmplay: play.replace('play.mp4', 'wmplay.mp4'),
    hdplay: play.replace('play.mp4', 'hdplay.mp4'),
    size: p.durationSec * 180_000,
    music_info: {
      id: musicId(p.id),
      title: `original sound - ${author.username}`,
      play: `${CDN}/obj/ies-music/${musicId(p.id)}.mp3`,
      cover: author.avatarUrl,
      author: author.displayName,
      original: true,
      duration: p.durationSec,
      album: '',
    },
    create_time: Math.floor(p.createdAt / 1000),
    is_ad: false,
    is_top: p.pinned ? 1 : 0,
    author: { id: author.id, unique_id: author.username, nickname: author.displayName, avatar: author.avatarUrl },
  };
  if (p.quirk !== 'missingStats') {
    v.play_count = count(m.views, s);
    v.digg_count = count(m.likes, s);
    v.comment_count = count(m.comments, s);
    v.share_count = count(m.shares, s);
    v.download_count = count(Math.round(m.shares / 3), s);
    v.collect_count = count(m.bookmarks, s);
  }
  if (p.quirk === 'extraField') v.anchors_extras = '{"is_ai_generated":false}';
  return v;
}
