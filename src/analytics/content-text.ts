/**
 * What "the same content" means for a cross-post: the words of a caption once everything that
 * differs between platforms for the same clip is removed (links, which are per platform; @handles,
 * which are per platform; emoji; the order and spelling of hashtags, compared as a set instead).
 */

const URL_RE = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|co|io|net|ly|me|ee|gg|tv)\/\S*/giu;
const MENTION_RE = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_.]+/gu;
const HASHTAG_RE = /(^|[^\p{L}\p{N}_&/])#([\p{L}\p{N}_]+)/gu;
/** Anything that is not a letter, digit or space: emoji, punctuation, symbols. */
const NON_WORD_RE = /[^\p{L}\p{N}\s]+/gu;

export interface ContentText {
  /** The caption's words, lower-cased and accent-folded, in order. */
  words: string[];
  /** Hashtags, lower-cased, without '#', as a set. */
  hashtags: Set<string>;
}

export function contentText(text: string | null | undefined, hashtags: readonly string[] = []): ContentText {
  const raw = text ?? '';
  const tags = new Set(hashtags.map((h) => h.replace(/^#/, '').toLowerCase()).filter(Boolean));
  for (const m of raw.matchAll(HASHTAG_RE)) tags.add(m[2].toLowerCase());
  const stripped = raw
    .replace(URL_RE, ' ')
    .replace(HASHTAG_RE, '$1 ')
    .replace(MENTION_RE, '$1 ')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(NON_WORD_RE, ' ');
  return { words: stripped.split(/\s+/).filter(Boolean), hashtags: tags };
}

/** Share of the shorter caption's words found in the longer one (a cross-post often adds an opener). */
export function wordContainment(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const pool = new Map<string, number>();
  for (const w of long) pool.set(w, (pool.get(w) ?? 0) + 1);
  let hit = 0;
  for (const w of short) {
    const n = pool.get(w) ?? 0;
    if (n > 0) {
      hit++;
      pool.set(w, n - 1);
    }
  }
  return hit / short.length;
}

export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}
