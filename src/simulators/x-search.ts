/**
 * A small subset of X's search query language for the simulated /2/tweets/search/recent:
 * terms are ANDed, `OR` separates alternatives, and a leading '-' negates. Supported terms:
 * `#tag`, `@user`, `from:user`, `url:text`, `lang:xx`, `is:retweet|quote|reply`, "quoted
 * phrases" and bare words (case-insensitive substring of the text).
 */
import type { SimAccount, SimPost } from './world-model';

type Matcher = (p: SimPost, author: SimAccount) => boolean;

function term(raw: string): Matcher {
  const neg = raw.startsWith('-') && raw.length > 1;
  const t = (neg ? raw.slice(1) : raw).replace(/^"|"$/g, '');
  const lower = t.toLowerCase();
  let m: Matcher;
  if (lower.startsWith('#')) m = (p) => p.hashtags.some((h) => h.toLowerCase() === lower.slice(1));
  else if (lower.startsWith('@')) m = (p) => p.mentions.some((u) => u.toLowerCase() === lower.slice(1));
  else if (lower.startsWith('from:')) m = (_p, a) => a.username.toLowerCase() === lower.slice(5).replace(/^@/, '');
  else if (lower.startsWith('url:')) m = (p) => p.urls.some((u) => u.expanded.toLowerCase().includes(lower.slice(4)));
  else if (lower.startsWith('lang:')) m = (p) => p.lang === lower.slice(5);
  else if (lower === 'is:retweet') m = (p) => p.ref?.type === 'retweeted';
  else if (lower === 'is:quote') m = (p) => p.ref?.type === 'quoted';
  else if (lower === 'is:reply') m = (p) => p.ref?.type === 'replied_to';
  else m = (p) => (p.text ?? '').toLowerCase().includes(lower);
  return neg ? (p, a) => !m(p, a) : m;
}

/** Compiles a query into a predicate. */
export function compileQuery(query: string): Matcher {
  const tokens = query.match(/-?"[^"]*"|\S+/g) ?? [];
  const groups: Matcher[][] = [[]];
  for (const tok of tokens) {
    if (tok === 'OR') groups.push([]);
    else groups[groups.length - 1].push(term(tok));
  }
  const alternatives = groups.filter((g) => g.length > 0);
  return (p, a) => alternatives.some((g) => g.every((m) => m(p, a)));
}
