/** Everyday posting: each account posts at its own cadence around the platform's mean. */
import { DAY_MS } from './world-model';
import type { PostDrafts } from './post-drafts';

export function everydayPosts(g: PostDrafts): void {
  const { start, horizon, postsPerDay } = g.input;
  for (const p of ['TIKTOK', 'X'] as const) {
    for (const a of g.all[p]) {
      const isBrand = a.creatorKey.startsWith('brand-');
      let rate = postsPerDay[p] * g.rng.logNormal(1, p === 'TIKTOK' ? 0.6 : 0.8);
      if (p === 'X' && a.category === 'news') rate *= 2;
      if (isBrand) rate = p === 'X' ? 0.8 : 0.3;
      const from = Math.max(start, a.createdAt);
      const to = Math.min(horizon, a.deletedAt ?? horizon);
      if (to <= from) continue;
      const n = Math.min(2000, g.rng.poisson((rate * (to - from)) / DAY_MS));
      for (let i = 0; i < n; i++) {
        const t = g.rng.uniform(from, to);
        const mention = g.rng.chance(0.08) ? g.rng.pick(g.buckets[p].get(a.category) ?? g.all[p]) : null;
        const noCaption = p === 'TIKTOK' && g.rng.chance(0.03);
        g.add(a, t, noCaption ? null : g.caption(a, g.evergreen(a, 3), mention === a ? null : mention));
      }
    }
  }
}
