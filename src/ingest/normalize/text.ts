/**
 * Reading hashtags, mentions and links out of free text, the same way for both providers:
 * TikLiveAPI sends no structured hashtags at all (they live only in the caption), and X's
 * entities may be missing (old fixtures, `note_tweet` long posts), so text is always the fallback.
 *
 * Tags come out the way the graph keys them: lower-cased, Unicode NFC, without '#'.
 */

// A '#' counts only at a word start (not inside URLs "a/#b", HTML entities "&#39;" or words "c#"),
// and a tag needs at least one letter or underscore, so "#1" is a rank, not a hashtag.
const HASHTAG = /(^|[^\p{L}\p{N}_&/])[#＃]([\p{L}\p{M}\p{N}_]*[\p{L}_][\p{L}\p{M}\p{N}_]*)/gu;
// X handles: 1..15 of [A-Za-z0-9_]; an e-mail address ("a@b.com") is not a mention.
const X_MENTION = /(^|[^A-Za-z0-9_!@#$%&*/.])[@＠]([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])/g;
// TikTok handles allow dots (not trailing ones) and are 2..24 long.
const TIKTOK_MENTION = /(^|[^A-Za-z0-9_./])[@＠]([A-Za-z0-9_.]{2,24})/g;

/** The graph's form of a hashtag: lower-case, NFC, no '#'. Empty when nothing is left. */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').replace(/^[#＃]+/, '').trim().toLowerCase();
}

/** The graph's form of a mentioned handle: lower-case, no '@'. */
export function normalizeMention(handle: string): string {
  return handle.replace(/^[@＠]+/, '').replace(/\.+$/, '').trim().toLowerCase();
}

function scan(text: string, re: RegExp): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[2]);
  return out;
}

/** Distinct, in order of first appearance. */
function distinct(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    if (!v || seen.has(v)) continue;
    seen.add(v);
    out.push(v);
  }
  return out;
}

/** Hashtags written in `text`, normalised and de-duplicated. */
export function hashtagsIn(text: string | null | undefined): string[] {
  if (!text) return [];
  return distinct(scan(text.normalize('NFC'), HASHTAG).map(normalizeTag));
}

/** Mentioned handles in `text` under the platform's handle rules, normalised and de-duplicated. */
export function mentionsIn(text: string | null | undefined, platform: 'TIKTOK' | 'X'): string[] {
  if (!text) return [];
  return distinct(scan(text, platform === 'X' ? X_MENTION : TIKTOK_MENTION).map(normalizeMention));
}

/** Union of several tag or handle lists, normalised with `norm`, first appearance first. */
export function mergeDistinct(lists: Iterable<string>[], norm: (s: string) => string): string[] {
  const all: string[] = [];
  for (const l of lists) for (const v of l) all.push(norm(v));
  return distinct(all);
}
