/**
 * Amplification: TikTok clips cross-posted to X by their creator, links to viral clips, and X
 * retweets, quotes and replies. Each amplifier is recorded with its source for the world's truth.
 */
import type { GenAccount } from './world-accounts';
import { tcoLink } from './ids';
import { clamp, type Draft, type PostDrafts } from './post-drafts';
import type { Category } from './vocabulary';
import { DAY_MS, HOUR_MS } from './world-model';

const CROSSPOST_OPENERS = ['New TikTok 👉', 'on tiktok now:', '🎥', 'new vid!', 'posted this on TikTok'];
const QUOTE_LINES = ['this 👇', 'so true', 'wait what', 'big if true', 'need this', '🔥🔥', 'saying this for years'];
const REPLY_LINES = ['love this', 'agreed', 'where is this from?', 'lol', 'congrats!', 'this is the one'];

function stripEventTags(g: PostDrafts, text: string | null): string {
  if (!text) return '';
  return text
    .split(' ')
    .filter((w) => !(w.startsWith('#') && g.eventTags.has(w.slice(1).toLowerCase())))
    .join(' ');
}

/** Some other X account tweets a link to a TikTok video. */
export function linkTo(g: PostDrafts, src: Draft, cat: Category, lag: number): void {
  const t = src.createdAt + Math.max(60_000, lag);
  if (t > g.input.horizon) return;
  const a = g.participant('X', cat, t, src.author.creatorKey);
  if (!a) return;
  const short = tcoLink(g.rng);
  const d = g.add(a, t, `${g.rng.pick(['watch this', 'this is everywhere on tiktok', 'ok this is good'])} ${short}`, {
    urls: [{ short, expanded: null, target: src }],
  });
  g.amps.push({ amp: d, src, kind: 'LINK' });
}

export function quote(g: PostDrafts, src: Draft, lag: number): void {
  const t = src.createdAt + Math.max(60_000, lag);
  if (t > g.input.horizon) return;
  const a = g.participant('X', src.author.category, t, src.author.creatorKey);
  if (!a) return;
  const short = tcoLink(g.rng);
  const d = g.add(a, t, `${g.rng.pick(QUOTE_LINES)} ${short}`, {
    urls: [{ short, expanded: null, target: src }],
    ref: { type: 'quoted', target: src },
  });
  g.amps.push({ amp: d, src, kind: 'QUOTE' });
}

export function crossposts(g: PostDrafts): void {
  const byCreator = new Map<string, GenAccount>();
  for (const c of g.input.creators) if (c.tiktok && c.x) byCreator.set(c.key, c.x);
  const propensity = new Map<string, number>();
  for (const key of byCreator.keys()) propensity.set(key, g.rng.chance(0.35) ? g.rng.uniform(0.2, 0.7) : 0);
  const tiktoks = g.drafts.TIKTOK.slice();
  for (const src of tiktoks) {
    if (src.author.private) continue;
    const x = byCreator.get(src.author.creatorKey);
    const p = propensity.get(src.author.creatorKey) ?? 0;
    if (x && p > 0 && g.rng.chance(p)) {
      const t = src.createdAt + clamp(g.rng.logNormal(1.5 * HOUR_MS, 1), 5 * 60_000, DAY_MS);
      if (t <= g.input.horizon && g.eligible(x, t)) {
        const short = tcoLink(g.rng);
        const body = stripEventTags(g, src.text).slice(0, 120).trim();
        const d = g.add(x, t, `${g.rng.pick(CROSSPOST_OPENERS)} ${body} ${short}`.replace(/\s+/g, ' '), {
          urls: [{ short, expanded: null, target: src }],
        });
        g.amps.push({ amp: d, src, kind: 'CROSSPOST' });
      }
    }
    // Viral clips get shared on X by other people.
    if (src.metrics.views > 400_000 && g.rng.chance(0.5)) {
      for (let i = g.rng.int(1, 3); i > 0; i--) linkTo(g, src, src.author.category, g.rng.logNormal(3 * HOUR_MS, 1));
    }
  }
}

/** Retweets, quotes and replies of original X posts, more for bigger accounts. */
export function reactions(g: PostDrafts): void {
  const sources = g.drafts.X.filter((d) => d.original && !d.author.private);
  for (const src of sources) {
    const base = 0.12 * Math.max(0, Math.log10(Math.max(1, src.author.followers)) - 2);
    const lag = () => clamp(g.rng.logNormal(2 * HOUR_MS, 1.2), 60_000, 3 * DAY_MS);
    for (let i = g.rng.poisson(base); i > 0; i--) {
      const t = src.createdAt + lag();
      if (t > g.input.horizon) continue;
      const a = g.participant('X', src.author.category, t, src.author.creatorKey);
      if (!a) continue;
      let text = `RT @${src.author.username}: ${src.text ?? ''}`;
      if (text.length > 140) text = text.slice(0, text.lastIndexOf(' ', 138)) + '…';
      const urls = src.urls.filter((u) => text.includes(u.short)).map((u) => ({ ...u }));
      const d = g.add(a, t, text, { urls, ref: { type: 'retweeted', target: src }, zeroMetrics: true });
      g.amps.push({ amp: d, src, kind: 'REPOST' });
    }
    for (let i = g.rng.poisson(base / 4); i > 0; i--) quote(g, src, lag());
    for (let i = g.rng.poisson(base / 2); i > 0; i--) {
      const t = src.createdAt + lag();
      if (t > g.input.horizon) continue;
      const a = g.participant('X', src.author.category, t, src.author.creatorKey);
      if (!a) continue;
      const d = g.add(a, t, `@${src.author.username} ${g.rng.pick(REPLY_LINES)}`, { ref: { type: 'replied_to', target: src } });
      d.original = false;
    }
  }
}
