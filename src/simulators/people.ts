/**
 * Who a creator is before any account exists: a person or an organisation, their name, the words
 * their handles are built from, their vertical, audience size and region.
 */
import type { Rng } from './random';
import {
  CATEGORY_WORDS,
  FIRST_NAMES,
  LAST_NAMES,
  ORG_KINDS,
  ORG_PLACES,
  SURNAME_HEADS,
  SURNAME_TAILS,
  type Category,
} from './vocabulary';
import { joinWords } from './world-identity';

const REGIONS = ['US', 'US', 'US', 'GB', 'CA', 'BR', 'DE', 'FR', 'ES', 'MX', 'IN', 'JP'];
const CATEGORY_WEIGHTS: Record<Category, number> = {
  beauty: 14, gaming: 12, news: 8, tech: 10, food: 11, fitness: 10, music: 9, comedy: 10,
  fashion: 9, travel: 7,
};

export const cap = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

export interface Person {
  kind: 'person' | 'org';
  first: string;
  last: string;
  /** The words the creator's handles are built from, in reading order. */
  words: string[];
  category: Category;
  displayName: string;
  baseFollowers: number;
  region: string;
}

/** Surnames are mostly built from parts, so full names are mostly distinct, as real names are. */
function surname(rng: Rng): string {
  return rng.chance(0.1) ? rng.pick(LAST_NAMES) : `${rng.pick(SURNAME_HEADS)}${rng.pick(SURNAME_TAILS)}`;
}

/** A person (88%) or an organisation (a university, council, museum, newsroom: 12%). */
export function person(rng: Rng): Person {
  const category = rng.weighted(CATEGORY_WEIGHTS);
  const star = rng.chance(0.02);
  const baseFollowers = Math.round(
    star ? Math.min(90_000_000, rng.pareto(400_000, 1.1)) : Math.min(3_000_000, Math.max(200, rng.logNormal(12_000, 1.1))),
  );
  const region = rng.pick(REGIONS);
  if (rng.chance(0.12)) {
    // Places are mostly made from parts, so two organisations rarely share a whole name.
    const place = rng.chance(0.1) ? rng.pick(ORG_PLACES) : `${rng.pick(SURNAME_HEADS)}${rng.pick(['ton', 'field', 'wood', 'port', 'haven', 'bury', 'stadt', 'ville'])}`;
    const kind = rng.pick(ORG_KINDS);
    const words = [...place.split(' '), ...kind.split(' ')];
    const displayName = words.map((w) => (w === 'fc' ? 'FC' : cap(w))).join(' ');
    return { kind: 'org', first: words[0], last: words[words.length - 1], words, category, displayName, baseFollowers, region };
  }
  const first = rng.pick(FIRST_NAMES);
  const last = surname(rng);
  const w = rng.pick(CATEGORY_WORDS[category]);
  const shape = rng.weighted({ full: 50, nameWord: 20, wordByName: 8, fullWord: 8, initialLast: 8, firstInitial: 6 });
  const words =
    shape === 'full' ? [first, last]
      : shape === 'nameWord' ? [first, w]
        : shape === 'wordByName' ? [w, 'by', first]
          : shape === 'fullWord' ? [first, last, w]
            : shape === 'initialLast' ? [first[0], last]
              : [first, last[0]];
  return { kind: 'person', first, last, words, category, displayName: `${cap(first)} ${cap(last)}`, baseFollowers, region };
}

/** A creator's own handle: its words joined, sometimes with a number kept from sign-up. */
export function baseHandle(rng: Rng, per: Person, allowDot: boolean): string {
  const h = joinWords(rng, per.words, allowDot);
  return rng.chance(0.08) ? `${h}${rng.int(1, 99)}` : h;
}
