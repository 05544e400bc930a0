/**
 * URLs the normalisers build or recognise: canonical post URLs for both platforms, TikTok video
 * ids inside links shared on X (how an X post points at a TikTok clip), and the creation time
 * hidden in an X id, for posts that arrive without `created_at`.
 */

const TIKTOK_HOSTS = /^(?:www\.|m\.|vt\.|vm\.)?tiktok\.com$/i;

/** The canonical web URL of a TikTok video. */
export function tiktokVideoUrl(username: string | undefined, videoId: string): string {
  // TikTok resolves /@<anything>/video/<id> to the right video; "_" stands in for an unknown author.
  return `https://www.tiktok.com/@${username && username.length > 0 ? username : '_'}/video/${videoId}`;
}

/** The canonical web URL of an X post; /i/web/status/<id> works without knowing the author. */
export function xPostUrl(username: string | undefined, postId: string): string {
  return username ? `https://x.com/${username}/status/${postId}` : `https://x.com/i/web/status/${postId}`;
}

/**
 * The TikTok video id a URL points at, or undefined: www/m.tiktok.com/@user/video/<id>,
 * /@user/photo/<id>, m.tiktok.com/v/<id>.html and /embed/v2/<id>. Short links (vm.tiktok.com/XYZ)
 * carry no id and would need a request to resolve, so they are not recognised.
 */
export function tiktokVideoIdFromUrl(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return undefined;
  }
  if (!TIKTOK_HOSTS.test(u.hostname)) return undefined;
  const m =
    /^\/@[^/]*\/(?:video|photo)\/(\d{5,25})(?:[/?#]|$)/.exec(u.pathname) ??
    /^\/v\/(\d{5,25})(?:\.html)?\/?$/.exec(u.pathname) ??
    /^\/embed(?:\/v2)?\/(\d{5,25})\/?$/.exec(u.pathname);
  return m?.[1];
}

/** X ids are snowflakes: milliseconds since the Twitter epoch in the bits above 22. */
const TWITTER_EPOCH_MS = 1288834974657n;

export function xIdTime(id: string): string | undefined {
  if (!/^\d{1,19}$/.test(id)) return undefined;
  const ms = (BigInt(id) >> 22n) + TWITTER_EPOCH_MS;
  // Ids from before snowflakes (2010) carry no time; refuse them rather than invent a date.
  if (BigInt(id) < 1n << 32n) return undefined;
  return new Date(Number(ms)).toISOString();
}
