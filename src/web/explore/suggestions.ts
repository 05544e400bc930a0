/**
 * The type-ahead's suggestions from what the API returned, as a pure function: creators in the
 * API's order (it searched names and handles), then brands, campaigns and hashtags whose names
 * contain the text, and "#text" itself when it names no known tag, capped at MAX_SUGGESTIONS.
 */
import type { SearchData } from './documents';

export interface Suggestion {
  id: string;
  kind: 'CREATOR' | 'BRAND' | 'CAMPAIGN' | 'HASHTAG';
  label: string;
  detail?: string;
}

export const MAX_SUGGESTIONS = 12;

const norm = (s: string) => s.toLowerCase().replace(/^[#@]/, '').trim();

export function searchSuggestions(text: string, found: SearchData, tags: readonly string[]): Suggestion[] {
  const q = norm(text);
  if (!q) return [];
  const out: Suggestion[] = [];
  const tagFirst = text.trim().startsWith('#');
  const creators: Suggestion[] = found.creators.nodes.map((c) => ({
    id: c.id,
    kind: 'CREATOR',
    label: c.displayName,
    detail: c.accounts.map((a) => `${a.platform === 'TIKTOK' ? 'TikTok' : 'X'} @${a.username}`).join(' · '),
  }));
  const brands: Suggestion[] = found.brands
    .filter((b) => norm(b.name).includes(q))
    .map((b) => ({ id: b.id, kind: 'BRAND', label: b.name, detail: b.competitor ? 'competitor' : 'own brand' }));
  const campaigns: Suggestion[] = found.campaigns
    .filter((k) => norm(k.name).includes(q) || k.hashtags.some((t) => norm(t).includes(q)))
    .map((k) => ({ id: k.id, kind: 'CAMPAIGN', label: k.name, detail: k.hashtags.map((t) => `#${t}`).join(' ') }));
  const known = tags.filter((t) => t.toLowerCase().includes(q)).slice(0, 5);
  const hashtags: Suggestion[] = known.map((t) => ({ id: `hashtag:${t.toLowerCase()}`, kind: 'HASHTAG', label: `#${t}`, detail: 'trending' }));
  if (tagFirst && /^[\p{L}\p{N}_]+$/u.test(q) && !known.some((t) => t.toLowerCase() === q)) {
    hashtags.unshift({ id: `hashtag:${q}`, kind: 'HASHTAG', label: `#${q}` });
  }
  out.push(...(tagFirst ? [...hashtags, ...creators] : [...creators, ...hashtags]), ...brands, ...campaigns);
  const seen = new Set<string>();
  return out.filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true))).slice(0, MAX_SUGGESTIONS);
}
