/** What a user may type as a handle for trackCreator: the platforms' handle rules. */
import type { Platform } from '../graph/model';

export const HANDLE_RULES: Record<Platform, { re: RegExp; hint: string; url: RegExp }> = {
  // TikTok: 2..24 letters, digits, underscores and dots, not ending in a dot.
  TIKTOK: {
    re: /^(?!.*\.$)[A-Za-z0-9_.]{2,24}$/,
    hint: '2 to 24 letters, digits, "_" or "." (not ending in ".")',
    url: /^(?:https?:\/\/)?(?:www\.|m\.)?tiktok\.com\/@([^/?#]+)/i,
  },
  // X: 1..15 letters, digits and underscores.
  X: {
    re: /^[A-Za-z0-9_]{1,15}$/,
    hint: '1 to 15 letters, digits or "_"',
    url: /^(?:https?:\/\/)?(?:www\.|mobile\.)?(?:x|twitter)\.com\/([^/?#]+)/i,
  },
};

/** "@name", "name" or a profile URL -> the bare handle, or undefined when it cannot be one. */
export function parseHandle(platform: Platform, raw: string): string | undefined {
  const rule = HANDLE_RULES[platform];
  let v = raw.trim();
  const fromUrl = rule.url.exec(v);
  if (fromUrl) v = fromUrl[1];
  v = v.replace(/^@/, '');
  return rule.re.test(v) ? v : undefined;
}
