/**
 * Creators on both platforms: their two handles (identical, near or unrelated, in the real shares),
 * the names drifting apart, bio links (the same, different, one-sided, or pointing at the other
 * profile) and bios. This is what the matcher is scored on.
 */
import { accountFollowers, type AccountFactory } from './account-factory';
import { tcoLink } from './ids';
import { baseHandle, cap, type Person } from './people';
import type { Rng } from './random';
import { LINK_IN_BIO_HOSTS } from './vocabulary';
import {
  differentHandle,
  driftName,
  fitHandle,
  HANDLE_RELATION_SHARES,
  nearHandle,
  relationOf,
  shortenedHandle,
  xCase,
  type DifferentPattern,
  type IdentityWords,
} from './world-identity';
import type { LinkKind, SimCreator } from './world-model';

/**
 * Bio links on both platforms: the seed puts them at 35-55% of mid-tier creators (50k+
 * followers); smaller creators link less. Of those with a link on both sides most link the same
 * thing, some link different things (a site on one, a link-in-bio page on the other).
 */
function bothLinkShare(per: Person): number {
  if (per.baseFollowers >= 1_000_000) return 0.55;
  if (per.baseFollowers >= 50_000) return 0.45;
  return 0.3;
}

/** Handles for a creator on both platforms, with the relation drawn from the real shares. */
function pairHandles(f: AccountFactory, rng: Rng, per: Person): { tt: string; x: string; pattern: DifferentPattern | null } {
  const wanted = rng.weighted(HANDLE_RELATION_SHARES);
  let base = baseHandle(rng, per, wanted !== 'identical');
  // A handle both platforms accept: X allows no dots and at most 15 characters; long names are
  // shortened the way organisations do it, else the two sides differ (X's limit at work).
  for (let i = 0; i < 4 && (base.length > 15 || base.includes('.')) && wanted === 'identical'; i++) {
    base = i === 0 ? per.words.join('') : shortenedHandle(rng, per.words);
  }
  let tt = base;
  let x = base;
  let pattern: DifferentPattern | null = null;
  if (wanted === 'near') {
    const v = nearHandle(rng, per.words, base);
    if (rng.chance(0.5)) x = v;
    else tt = v;
  } else if (wanted === 'unrelated') {
    const d = differentHandle(rng, per.words, base, per.region);
    pattern = d.pattern;
    if (rng.chance(0.5)) x = d.handle;
    else tt = d.handle;
  }
  tt = f.handles.claim('TIKTOK', fitHandle('TIKTOK', tt));
  x = f.handles.claim('X', fitHandle('X', xCase(rng, per.words, x)));
  return { tt, x, pattern };
}

export function bothCreator(f: AccountFactory, rng: Rng, key: string, per: Person): SimCreator {
  const { tt, x, pattern } = pairHandles(f, rng, per);
  const t = f.account('TIKTOK', tt, per, key, accountFollowers(rng, per, 'TIKTOK'));
  const xa = f.account('X', x, per, key, accountFollowers(rng, per, 'X'));
  f.attrition(t);
  f.attrition(xa);
  const id: IdentityWords = { words: per.words, displayName: per.displayName, first: per.kind === 'person' ? per.first : null, kind: per.kind };
  t.displayName = driftName(rng, id, per.category).name;
  xa.displayName = driftName(rng, id, per.category).name;

  let linkKind: LinkKind = 'none';
  let ttExtra: string | null = null;
  let xExtra: string | null = null;
  if (rng.chance(bothLinkShare(per))) {
    linkKind = rng.weighted({ personal: 40, linkinbio: 40, mixed: 20 });
    const host = rng.pick(LINK_IN_BIO_HOSTS);
    const page = f.linkPage(host, tt.replace(/\./g, ''));
    const path = page.slice(`https://${host}/`.length);
    const d = f.domain(rng.chance(0.6) ? tt : per.words.join(''));
    if (linkKind === 'personal') {
      t.bioLink = `https://www.${d}/?utm_source=tiktok`;
      xa.bioLink = rng.pick([`https://${d}`, `https://www.${d}/`, `http://${d}/links`, `https://www.${d}/?utm_source=twitter`]);
    } else if (linkKind === 'linkinbio') {
      t.bioLink = page;
      xa.bioLink = rng.chance(0.2) ? `https://${host}/${cap(path)}?utm_source=twitter` : page;
    } else {
      // Both link, but not to the same thing: the site on one side, a link page on the other.
      t.bioLink = rng.chance(0.5) ? page : `https://www.${d}/`;
      xa.bioLink = t.bioLink === page ? `https://www.${d}/` : f.linkPage(rng.pick(LINK_IN_BIO_HOSTS), x.toLowerCase());
    }
  } else {
    const other = rng.weighted({ oneSide: 30, crossprofile: 12, bioText: 8, none: 50 });
    if (other === 'oneSide') {
      linkKind = 'oneSide';
      const link = rng.chance(0.5) ? `https://www.${f.domain(per.words.join(''))}/` : f.linkPage(rng.pick(LINK_IN_BIO_HOSTS), tt.replace(/\./g, ''));
      if (rng.chance(0.5)) t.bioLink = link;
      else xa.bioLink = link;
    } else if (other === 'crossprofile') {
      linkKind = 'crossprofile';
      const side = rng.int(0, 2);
      if (side !== 1) t.bioLink = rng.chance(0.7) ? `https://x.com/${x}` : `https://twitter.com/${x}`;
      if (side !== 0) xa.bioLink = `https://www.tiktok.com/@${tt}`;
    } else if (other === 'bioText') {
      if (rng.chance(0.5)) ttExtra = `X: @${x}`;
      else xExtra = `tiktok.com/@${tt}`;
    }
  }
  if (xa.bioLink) xa.bioLinkShort = tcoLink(rng);
  // Half the creators write the same line on both profiles; the rest write each its own.
  const tagline = f.tagline(per.category);
  t.bio = f.bio(per.category, ttExtra, tagline);
  xa.bio = f.bio(per.category, xExtra, rng.chance(0.5) ? tagline : f.tagline(per.category));
  return {
    key, kind: 'creator', category: per.category, displayName: per.displayName, tiktok: t, x: xa,
    handleRelation: relationOf(tt, x), handlePattern: pattern, linkKind,
  };
}
