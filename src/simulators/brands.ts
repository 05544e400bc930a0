/** Brands: on both platforms, verified, linking their own site; their products name the launches. */
import { accountFollowers, type AccountFactory } from './account-factory';
import { tcoLink } from './ids';
import type { Person } from './people';
import type { Rng } from './random';
import { BRAND_NAMES, EMOJI } from './vocabulary';
import { relationOf } from './world-identity';
import type { SimCreator } from './world-model';

export function brand(f: AccountFactory, rng: Rng, i: number): SimCreator {
  const b = BRAND_NAMES[i % BRAND_NAMES.length];
  const suffix = i >= BRAND_NAMES.length ? String(Math.floor(i / BRAND_NAMES.length) + 1) : '';
  const name = `${b.name}${suffix ? ' ' + suffix : ''}`;
  const stem = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const key = `brand-${stem}`;
  const per: Person = { kind: 'org', words: [stem], first: stem, last: 'brand', category: b.category, displayName: name, baseFollowers: Math.round(rng.logNormal(250_000, 0.8)), region: 'US' };
  const tt = f.handles.claim('TIKTOK', stem);
  const x = f.handles.claim('X', rng.chance(0.6) ? stem : `${stem.slice(0, 11)}${rng.pick(['hq', 'app'])}`);
  const t = f.account('TIKTOK', tt, per, key, accountFollowers(rng, per, 'TIKTOK'));
  const xa = f.account('X', x, per, key, Math.round(per.baseFollowers * rng.logNormal(0.6, 0.4)));
  for (const a of [t, xa]) {
    a.verified = true;
    a.quirk = null;
  }
  xa.verifiedType = 'business';
  const d = f.domain(stem);
  t.bioLink = `https://www.${d}/?utm_source=tiktok`;
  xa.bioLink = `https://www.${d}/`;
  xa.bioLinkShort = tcoLink(rng);
  t.bio = `Official ${name} ${rng.pick(EMOJI)}`;
  xa.bio = `The official account of ${name}. Support: @${x.slice(0, 9)}help`;
  return { key, kind: 'brand', category: b.category, displayName: name, tiktok: t, x: xa, handleRelation: relationOf(tt, x), linkKind: 'personal' };
}

export const BRAND_PRODUCTS: ReadonlyMap<string, string[]> = new Map(
  BRAND_NAMES.map((b) => [b.name.toLowerCase().replace(/[^a-z0-9]/g, ''), b.product]),
);
