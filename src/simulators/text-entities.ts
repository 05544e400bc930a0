/**
 * Finds hashtags, mentions and substrings in post text, with X-style indices (Unicode code
 * points, start inclusive, end exclusive). The world uses it to keep a post's hashtag list equal
 * to what its text says; the X server uses it to render `entities`.
 */
import type { Platform } from '../graph/model';

export interface TextEntity {
  start: number;
  end: number;
  /** Without the leading '#' or '@'. */
  value: string;
}

const HASHTAG = /(^|[^\p{L}\p{N}_&/])#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu;
const X_MENTION = /(^|[^A-Za-z0-9_!@#$%&*/.])@([A-Za-z0-9_]{1,15})/g;
const TIKTOK_MENTION = /(^|[^A-Za-z0-9_./])@([A-Za-z0-9_.]{2,24})/g;

/** Code points before UTF-16 offset `i` (emoji and fancy letters are two UTF-16 units). */
function cp(text: string, i: number): number {
  let n = 0;
  for (let k = 0; k < i; k++) {
    const c = text.charCodeAt(k);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

function scan(text: string, re: RegExp, trimDots: boolean): TextEntity[] {
  const out: TextEntity[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let value = m[2];
    if (trimDots) value = value.replace(/\.+$/, '');
    const at = m.index + m[1].length;
    out.push({ start: cp(text, at), end: cp(text, at + 1 + value.length), value });
  }
  return out;
}

export function findHashtags(text: string): TextEntity[] {
  return scan(text, HASHTAG, false);
}

export function findMentions(text: string, platform: Platform): TextEntity[] {
  return platform === 'X' ? scan(text, X_MENTION, false) : scan(text, TIKTOK_MENTION, true);
}

/** Code-point span of the first occurrence of `sub`, or null. */
export function findSpan(text: string, sub: string): { start: number; end: number } | null {
  const i = text.indexOf(sub);
  if (i < 0) return null;
  return { start: cp(text, i), end: cp(text, i + sub.length) };
}
