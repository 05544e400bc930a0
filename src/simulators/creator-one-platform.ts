/**
 * Creators on one platform only: most singles, the look-alike pairs (a common handle or a whole
 * name shared by two strangers), and squatters holding a two-platform creator's handle.
 */
import type { Platform } from '../graph/model';
import { accountFollowers, type AccountFactory } from './account-factory';
import { tcoLink } from './ids';
import { baseHandle, cap, person, type Person } from './people';
import type { Rng } from './random';
import { LINK_IN_BIO_HOSTS } from './vocabulary';
import { fitHandle } from './world-identity';
import type { LinkKind, SimCreator, TruthCollision } from './world-model';

/**
 * A stranger holding the creator's handle on the other platform: their TikTok handle on X, or
 * their X handle on TikTok, whichever is free and valid there. Their name is their own; now and
 * then they share the creator's first name (strangers with
 * one whole name are the SAME_DISPLAY_NAME look-alikes).
 */
export function squatter(f: AccountFactory, rng: Rng, key: string, c: SimCreator): { creator: SimCreator; collision: TruthCollision } | null {
  const t = c.tiktok!;
  const x = c.x!;
  const onX = fitHandle('X', t.username);
  const onTikTok = fitHandle('TIKTOK', x.username);
  const options: [Platform, string][] = [];
  if (onX.toLowerCase() === t.username && f.handles.isFree('X', onX)) options.push(['X', onX]);
  if (onTikTok === x.username.toLowerCase() && f.handles.isFree('TIKTOK', onTikTok)) options.push(['TIKTOK', onTikTok]);
  if (options.length === 0) return null;
  const [platform, handle] = rng.pick(options);
  const stranger = person(rng);
  const name = rng.weighted({ own: 80, sameFirst: 20 });
  const canonical = c.displayName;
  if (name === 'sameFirst') stranger.displayName = `${canonical.split(' ')[0]} ${cap(stranger.last)}`;
  const s = singleCreator(f, rng, key, stranger, platform, handle);
  const collision: TruthCollision =
    platform === 'X'
      ? { reason: 'SQUATTER', tiktokUserId: t.id, xUserId: s.x!.id }
      : { reason: 'SQUATTER', tiktokUserId: s.tiktok!.id, xUserId: x.id };
  return { creator: s, collision };
}

export function singleCreator(f: AccountFactory, rng: Rng, key: string, per: Person, p: Platform, handle: string | null): SimCreator {
  const username = f.handles.claim(p, handle ?? fitHandle(p, baseHandle(rng, per, p === 'TIKTOK')));
  const acc = f.account(p, username, per, key, accountFollowers(rng, per, p));
  f.attrition(acc);
  acc.displayName = per.displayName;
  const linkKind: LinkKind = rng.chance(0.5) ? (rng.chance(0.5) ? 'personal' : 'linkinbio') : 'none';
  if (linkKind === 'personal') acc.bioLink = `https://www.${f.domain(username)}/`;
  if (linkKind === 'linkinbio') acc.bioLink = f.linkPage(rng.pick(LINK_IN_BIO_HOSTS), username.replace(/\./g, ''));
  if (acc.bioLink && p === 'X') acc.bioLinkShort = tcoLink(rng);
  acc.bio = f.bio(per.category, null, f.tagline(per.category));
  return {
    key, kind: 'creator', category: per.category, displayName: per.displayName,
    tiktok: p === 'TIKTOK' ? acc : null, x: p === 'X' ? acc : null, handleRelation: null, linkKind,
  };
}
