/**
 * Creators, brands and their accounts: who exists on which platform, under what handle, display
 * name and bio link, and the look-alikes that are not the same person. This is the part of the
 * world the matcher is scored on, so every relation it draws is recorded (handleRelation,
 * handlePattern, linkKind, collisions). The roles are drawn here, in a fixed order (the order of
 * draws is part of the seed); who a creator is: people.ts; accounts: account-factory.ts; the kinds
 * of creator: creator-one-platform.ts, creator-both-platforms.ts, brands.ts. How handles and
 * names relate across platforms, and why in those shares, is world-identity.ts.
 */
import { ACCOUNT_QUIRKS, AccountFactory, HandleRegistry, type AccountGenInput } from './account-factory';
import { brand } from './brands';
import { bothCreator } from './creator-both-platforms';
import { singleCreator, squatter } from './creator-one-platform';
import { cap, person } from './people';
import type { Rng } from './random';
import { CATEGORIES, COMMON_HANDLES } from './vocabulary';
import { SQUATTER_SHARE } from './world-identity';
import type { SimAccount, SimCreator, TruthCollision } from './world-model';

export type GenAccount = SimAccount;
export type GenCreator = SimCreator;

/** Generates every creator and brand with their accounts. */
export function generateCreators(input: AccountGenInput): { creators: GenCreator[]; collisions: TruthCollision[] } {
  const { rng, creators: n } = input;
  const handles = new HandleRegistry(rng);
  const f = new AccountFactory(input, handles);
  const out: GenCreator[] = [];
  const collisions: TruthCollision[] = [];

  // Roles: about half on both platforms, the rest on one; look-alikes and squatters come out of
  // the singles.
  const both = Math.round(n * 0.5);
  const singles = n - both;
  const handlePairs = n >= 20 ? Math.min(COMMON_HANDLES.length, Math.max(1, Math.round(n * 0.015)), Math.floor(singles / 4)) : 0;
  const namePairs = n >= 20 ? Math.min(Math.max(1, Math.round(n * 0.01)), Math.floor(singles / 4)) : 0;

  let seq = 0;
  const key = () => `creator-${++seq}`;

  for (let i = 0; i < handlePairs; i++) {
    const h = COMMON_HANDLES[i];
    const a = person(rng);
    const b = person(rng);
    a.first = b.first = h;
    a.displayName = `${cap(h)} ${cap(a.last)}`;
    b.displayName = `${cap(h)} ${cap(b.last)}`;
    if (b.category === a.category) b.category = CATEGORIES[(CATEGORIES.indexOf(a.category) + 3) % CATEGORIES.length];
    const ca = singleCreator(f, rng, key(), a, 'TIKTOK', h);
    const cb = singleCreator(f, rng, key(), b, 'X', h);
    out.push(ca, cb);
    collisions.push({ reason: 'COMMON_HANDLE', tiktokUserId: ca.tiktok!.id, xUserId: cb.x!.id });
  }
  for (let i = 0; i < namePairs; i++) {
    const a = person(rng);
    const b = person(rng);
    b.displayName = a.displayName = `${cap(a.first)} ${cap(a.last)}`;
    b.first = a.first;
    const ca = singleCreator(f, rng, key(), a, 'TIKTOK', null);
    const cb = singleCreator(f, rng, key(), b, 'X', null);
    out.push(ca, cb);
    collisions.push({ reason: 'SAME_DISPLAY_NAME', tiktokUserId: ca.tiktok!.id, xUserId: cb.x!.id });
  }
  let remainingSingles = singles - 2 * (handlePairs + namePairs);
  for (let i = 0; i < both; i++) {
    const c = bothCreator(f, rng, key(), person(rng));
    out.push(c);
    if (c.handleRelation !== 'unrelated' || remainingSingles <= 0 || !rng.chance(SQUATTER_SHARE)) continue;
    const s = squatter(f, rng, key(), c);
    if (!s) continue;
    remainingSingles--;
    out.push(s.creator);
    collisions.push(s.collision);
  }
  for (let i = 0; i < remainingSingles; i++) out.push(singleCreator(f, rng, key(), person(rng), i % 2 === 0 ? 'TIKTOK' : 'X', null));
  rng.shuffle(out);

  for (let i = 0; i < input.brands; i++) out.push(brand(f, rng, i));
  if (input.malformedRate > 0) guaranteeQuirks(rng, out);
  return { creators: out, collisions };
}

/**
 * Quirks are drawn at `malformedRate`, so a small world can miss one entirely and the clients'
 * handling of it would go untested. When quirks are on at all, every account quirk is carried by
 * at least one live, public creator account (never a brand's: brands stay clean). Runs after every
 * other draw, so a world that already has each quirk is unchanged.
 */
function guaranteeQuirks(rng: Rng, creators: GenCreator[]): void {
  const accounts = creators.filter((c) => c.kind !== 'brand').flatMap((c) => [c.tiktok, c.x].filter((a): a is GenAccount => !!a));
  for (const q of ACCOUNT_QUIRKS) {
    if (accounts.some((a) => a.quirk === q && a.deletedAt === null && !a.private)) continue;
    const clean = accounts.filter((a) => a.quirk === null && a.deletedAt === null && !a.private);
    if (clean.length > 0) rng.pick(clean).quirk = q;
  }
}
