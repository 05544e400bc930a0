import { allPairs, blockingKeys as keysAny, buildIndex as indexAny, candidatePairs, keyKind } from '../../src/matching/blocking';
import type { MatchOptionsInput } from '../../src/matching/options';
import type { MatchableAccount } from '../../src/matching/score';
import type { Platform } from '../../src/graph/model';

function acct(platform: Platform, username: string, extra: Partial<MatchableAccount> = {}): MatchableAccount {
  return { id: `${platform === 'TIKTOK' ? 'tiktok' : 'x'}:${username}`, platform, username, ...extra };
}

/** Deterministic PRNG (mulberry32), so synthetic populations are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Options under which weak keys (names, common handles) pair too: 10 + 10 reaches this review
 * threshold. Tests of the blocking mechanics use it; the defaults skip weak-only pairs.
 */
const WEAK = { reviewThreshold: 20, model: 'fixed' } as const;
// These cases pin down blocking for the fixed-points scorer; probabilistic blocking (name and
// handle words) is covered in probabilistic.test.ts.
const blockingKeys = (a: MatchableAccount, o: MatchOptionsInput = {}) => keysAny(a, { model: 'fixed', ...o });
const buildIndex = (a: Iterable<MatchableAccount>, o: MatchOptionsInput = {}) => indexAny(a, { model: 'fixed', ...o });

function pairIds(pairs: Iterable<{ tiktok: MatchableAccount; x: MatchableAccount }>): string[] {
  return [...pairs].map((p) => `${p.tiktok.id}|${p.x.id}`).sort();
}

describe('blockingKeys', () => {
  it('indexes handle, identifying link, own-site domain, name and profile targets', () => {
    const keys = blockingKeys(
      acct('TIKTOK', 'Beauty.By.Amy', { displayName: '𝓐𝓶𝔂 ✨', bioLink: 'https://www.amysmith.co.uk/shop?utm_source=tt', bio: 'X: @AmyTweets' }),
    );
    expect(keys).toEqual([
      'domain:amysmith.co.uk',
      'handle:beautybyamy',
      'link:amysmith.co.uk/shop',
      'name:amy',
      'profile:TIKTOK:beauty.by.amy',
      'profile:X:amytweets',
    ]);
  });

  it('never blocks on a shared host domain or a bare shared root', () => {
    expect(blockingKeys(acct('X', 'amy_x', { bioLink: 'https://linktr.ee/amy' })).filter((k) => keyKind(k) !== 'handle' && keyKind(k) !== 'profile')).toEqual([
      'link:linktr.ee/amy',
    ]);
    expect(blockingKeys(acct('X', 'amy_x', { bioLink: 'https://linktr.ee/' })).map(keyKind)).toEqual(['handle', 'profile']);
  });

  it('turns a bio link to the other platform into a profile key, not one for the same platform', () => {
    expect(blockingKeys(acct('X', 'amytweets', { bioLink: 'https://www.tiktok.com/@amy.makes' }))).toContain('profile:TIKTOK:amy.makes');
    expect(blockingKeys(acct('TIKTOK', 'amy.makes', { bio: 'tiktok: @amy.backup' }))).not.toContain('profile:TIKTOK:amy.backup');
  });

  it('skips very short names', () => {
    expect(blockingKeys(acct('X', 'someone', { displayName: 'J.' })).map(keyKind)).not.toContain('name');
  });
});

describe('candidatePairs', () => {
  const accounts: MatchableAccount[] = [
    acct('TIKTOK', 'beautybyamy', { bioLink: 'https://linktr.ee/amy' }),
    acct('X', 'beauty_by_amy'),
    acct('TIKTOK', 'bob_bakes', { bioLink: 'https://linktr.ee/bob' }),
    acct('X', 'chefbob', { bioLink: 'https://www.linktr.ee/bob/' }),
    acct('TIKTOK', 'carol', { bioLink: 'https://carol.github.io' }),
    acct('X', 'carolcodes', { bioLink: 'https://carol.github.io/blog' }),
    acct('X', 'dave', { bioLink: 'https://dave.github.io' }),
    acct('TIKTOK', 'eve.makes', { bioLink: 'https://x.com/evetweets' }),
    acct('X', 'evetweets'),
    acct('TIKTOK', 'frank.tt'),
    acct('X', 'frank_x', { bio: 'tt: @frank.tt' }),
    acct('TIKTOK', 'gh_1', { displayName: 'Grace Hopper' }),
    acct('X', 'amazing_grace', { displayName: '𝐆𝐫𝐚𝐜𝐞 𝐇𝐨𝐩𝐩𝐞𝐫' }),
    acct('TIKTOK', 'zed'),
    acct('X', 'yolo'),
    acct('TIKTOK', 'ivy_site', { bioLink: 'https://ivysmith.com' }),
    acct('X', 'ivy_other', { bioLink: 'https://ivysmith.co.uk' }),
  ];

  it('yields exactly the cross-platform pairs that share a key, once each', () => {
    const pairs = [...candidatePairs(buildIndex(accounts, WEAK))];
    expect(pairIds(pairs)).toEqual([
      'tiktok:beautybyamy|x:beauty_by_amy',
      'tiktok:bob_bakes|x:chefbob',
      'tiktok:carol|x:carolcodes',
      'tiktok:eve.makes|x:evetweets',
      'tiktok:frank.tt|x:frank_x',
      'tiktok:gh_1|x:amazing_grace',
    ]);
    const byId = new Map(pairs.map((p) => [`${p.tiktok.id}|${p.x.id}`, p.keys]));
    expect(byId.get('tiktok:beautybyamy|x:beauty_by_amy')).toEqual(['handle:beautybyamy']);
    expect(byId.get('tiktok:bob_bakes|x:chefbob')).toEqual(['link:linktr.ee/bob']);
    expect(byId.get('tiktok:carol|x:carolcodes')).toEqual(['domain:carol.github.io']);
    expect(byId.get('tiktok:eve.makes|x:evetweets')).toEqual(['profile:X:evetweets']);
    expect(byId.get('tiktok:gh_1|x:amazing_grace')).toEqual(['name:gracehopper']);
  });

  it('by default skips pairs sharing only weak keys, which could never reach review', () => {
    const extra = [acct('TIKTOK', 'amy', { displayName: 'Amy Stone' }), acct('X', 'amy', { displayName: 'Amy Stone' })];
    const index = buildIndex([...accounts, ...extra]);
    const ids = pairIds(candidatePairs(index));
    // The name-only pair and the short-handle pair are gone; strong-key pairs stay.
    expect(ids).not.toContain('tiktok:gh_1|x:amazing_grace');
    expect(ids).not.toContain('tiktok:amy|x:amy');
    expect(ids).toContain('tiktok:bob_bakes|x:chefbob');
    expect(index.isPairing('handle:amy')).toBe(false);
    expect(index.isPairing('name:gracehopper')).toBe(false);
    expect(index.isPairing('handle:beautybyamy')).toBe(true);
    // A pair found through a strong key still lists the weak keys it shares.
    const both = [
      ...candidatePairs(
        buildIndex([
          acct('TIKTOK', 'amy', { displayName: 'Amy', bioLink: 'amysmith.com' }),
          acct('X', 'amy', { displayName: 'amy', bioLink: 'https://www.amysmith.com/' }),
        ]),
      ),
    ];
    expect(both.map((p) => p.keys)).toEqual([['domain:amysmith.com', 'link:amysmith.com']]);
  });

  it('yields a pair sharing several keys once, with all of them', () => {
    const pairs = [
      ...candidatePairs(
        buildIndex(
          [
            acct('TIKTOK', 'beautybyamy', { displayName: 'Amy', bioLink: 'amysmith.com' }),
            acct('X', 'BeautyByAmy', { displayName: 'amy', bioLink: 'https://www.amysmith.com/' }),
          ],
          WEAK,
        ),
      ),
    ];
    expect(pairs).toHaveLength(1);
    expect(pairs[0].keys).toEqual(['domain:amysmith.com', 'handle:beautybyamy', 'link:amysmith.com', 'name:amy']);
  });

  it('ignores duplicate account ids', () => {
    const a = acct('TIKTOK', 'beautybyamy');
    const index = buildIndex([a, { ...a }, acct('X', 'beautybyamy')]);
    expect(index.accounts).toHaveLength(2);
    expect([...candidatePairs(index)]).toHaveLength(1);
  });

  it('does not block on keys held by more than maxBlockSize accounts, reports them and counts handles', () => {
    const crowd: MatchableAccount[] = [];
    for (let i = 0; i < 30; i++) crowd.push(acct('TIKTOK', `amy${i}`), acct('X', `amy_${i}`));
    crowd.push(acct('TIKTOK', 'unique.one', { bioLink: 'uniqueone.com' }), acct('X', 'other_one', { bioLink: 'uniqueone.com' }));
    const index = buildIndex(crowd, WEAK);
    expect(index.handleCount('amy')).toBe(60);
    expect(index.oversizedKeys()).toEqual([{ key: 'handle:amy', kind: 'handle', tiktok: 30, x: 30 }]);
    expect(pairIds(candidatePairs(index))).toEqual(['tiktok:unique.one|x:other_one']);
    // With a larger cap the same key blocks: 30 x 30 pairs plus the unique one.
    const roomy = buildIndex(crowd, { ...WEAK, maxBlockSize: 100 });
    expect(roomy.oversizedKeys()).toEqual([]);
    expect([...candidatePairs(roomy)]).toHaveLength(30 * 30 + 1);
  });

  it('equals the brute-force set of pairs sharing a usable key on a random population', () => {
    const r = rng(42);
    const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
    const handles = ['amy', 'bob', 'carol', 'dave', 'eve', 'fay', 'gus', 'hal', 'ivy', 'jon', 'kim', 'lee'];
    const links = ['https://linktr.ee/a', 'https://linktr.ee/b', 'https://linktr.ee', 'a.com', 'shop.a.com', 'b.co.uk', 'x.github.io', 'y.github.io', ''];
    const names = ['Amy', 'Bob Smith', '𝐁𝐨𝐛 𝐒𝐦𝐢𝐭𝐡', 'Cé', 'Dee Dee', ''];
    const accounts: MatchableAccount[] = [];
    for (let i = 0; i < 300; i++) {
      const platform: Platform = i % 2 === 0 ? 'TIKTOK' : 'X';
      const other = pick(handles);
      accounts.push({
        id: `${platform}:${i}`,
        platform,
        username: `${pick(handles)}${r() < 0.5 ? Math.floor(r() * 100) : ''}${r() < 0.3 ? '_x' : ''}`,
        displayName: pick(names) || undefined,
        bioLink: r() < 0.15 ? `x.com/${other}` : pick(links) || undefined,
        bio: r() < 0.1 ? `tt: @${other}` : undefined,
      });
    }
    const maxBlockSize = 12;
    const index = buildIndex(accounts, { ...WEAK, maxBlockSize });

    const keys = accounts.map((a) => new Set(blockingKeys(a)));
    const count = new Map<string, number>();
    for (const ks of keys) for (const k of ks) count.set(k, (count.get(k) ?? 0) + 1);
    const expected: string[] = [];
    accounts.forEach((t, i) => {
      if (t.platform !== 'TIKTOK') return;
      accounts.forEach((x, j) => {
        if (x.platform !== 'X') return;
        if ([...keys[i]].some((k) => keys[j].has(k) && count.get(k)! <= maxBlockSize)) expected.push(`${t.id}|${x.id}`);
      });
    });

    const got = pairIds(candidatePairs(index));
    expect(new Set(got).size).toBe(got.length);
    expect(got).toEqual(expected.sort());
    // The population is built to exercise both sides of the cap.
    expect(expected.length).toBeGreaterThan(50);
    expect(index.oversizedKeys().length).toBeGreaterThan(0);
  });
});

/**
 * A synthetic population shaped like real creator data: a share of creators on both platforms
 * with related handles, common first names and words, popular link-in-bio roots, own sites.
 */
function population(accountsPerPlatform: number, seed: number): { accounts: MatchableAccount[]; truePairs: string[] } {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const first = 'amy bob carla dan eve finn gia hugo ines jack kai lena milo nora omar pia quinn rosa sam tess uma vic wes xena yara zoe'.split(' ');
  const last = 'smith jones brown garcia miller davis lopez wilson anderson thomas moore martin lee perez white harris clark lewis young hall'.split(' ');
  const topic = 'beauty fit cooks travels games art music style tech dance comedy books pets plants diy'.split(' ');
  const accounts: MatchableAccount[] = [];
  const truePairs: string[] = [];
  const shared = Math.floor(accountsPerPlatform * 0.6);
  for (let i = 0; i < accountsPerPlatform; i++) {
    const f = pick(first);
    const l = pick(last);
    const t = pick(topic);
    const base = r() < 0.5 ? `${t}by${f}${i}` : `${f}.${l}.${i}`;
    const site = r() < 0.2 ? `https://${f}${l}${i}.com` : r() < 0.3 ? `https://linktr.ee/${base}` : r() < 0.1 ? 'https://linktr.ee/' : undefined;
    const name = r() < 0.8 ? `${f} ${l}` : f;
    accounts.push({ id: `tiktok:${i}`, platform: 'TIKTOK', username: base, displayName: name, bioLink: site });
    if (i < shared) {
      const xHandle = r() < 0.5 ? base.replace(/\./g, '_') : `${f}${l}_${i}x`;
      accounts.push({ id: `x:${i}`, platform: 'X', username: xHandle, displayName: name, bioLink: r() < 0.6 ? site : undefined });
      truePairs.push(`tiktok:${i}|x:${i}`);
    } else {
      accounts.push({ id: `x:${i}`, platform: 'X', username: `${pick(topic)}${pick(first)}${i}_${i}`, displayName: `${pick(first)} ${pick(last)}` });
    }
  }
  return { accounts, truePairs };
}

/**
 * The provable bound: a usable block with t TikTok and x X accounts (t + x <= cap) yields at most
 * t * x <= (t + x) * cap / 4 pairs, so the pairs are at most cap / 4 per key membership, and
 * every account has a handful of keys: linear in the number of accounts.
 */
function linearBound(index: ReturnType<typeof buildIndex>): number {
  let memberships = 0;
  for (const [key, b] of index.blocks) if (!index.isOversized(key)) memberships += b.tiktok.length + b.x.length;
  return (index.options.maxBlockSize / 4) * memberships;
}

function countPairs(index: ReturnType<typeof buildIndex>): { count: number; seen: Set<string> } {
  const seen = new Set<string>();
  let count = 0;
  for (const p of candidatePairs(index)) {
    count++;
    seen.add(`${p.tiktok.id}|${p.x.id}`);
  }
  return { count, seen };
}

describe('blocking scales near-linearly', () => {
  it('bounds the candidate pairs of a 20,000-account population and keeps the planted pairs', () => {
    const { accounts, truePairs } = population(10_000, 7);
    const index = buildIndex(accounts, WEAK);
    const { count, seen } = countPairs(index);
    const n = accounts.length;
    expect(n).toBe(20_000);
    expect(count).toBeLessThanOrEqual(linearBound(index));
    // All pairs would be 10,000 x 10,000 = 1e8. The population's names and handles are drawn
    // from small pools, so many blocks sit just under the cap: the worst case for the constant.
    expect(count).toBeLessThanOrEqual(20 * n);
    expect(count).toBeGreaterThanOrEqual(truePairs.length);
    // Keys held by more than 50 accounts are reported, not blocked on.
    expect(index.oversizedKeys().length).toBeGreaterThan(0);
    // Planted pairs with a usable shared key are all found (those without one cannot be).
    const pos = new Map(index.accounts.map((a, i) => [a.id, i]));
    const findable = truePairs.filter((id) => {
      const [t, x] = id.split('|');
      const tk = new Set(index.keysOf[pos.get(t)!]);
      return index.keysOf[pos.get(x)!].some((k) => tk.has(k) && index.isPairing(k));
    });
    expect(findable.length).toBeGreaterThan(truePairs.length * 0.5);
    for (const id of findable) expect(seen.has(id)).toBe(true);
  });

  it('stays within the same per-account bound at 4x the accounts', () => {
    const perAccount = (perPlatform: number): number => {
      const index = buildIndex(population(perPlatform, 11).accounts, WEAK);
      const { count } = countPairs(index);
      expect(count).toBeLessThanOrEqual(linearBound(index));
      return count / (2 * perPlatform);
    };
    const small = perAccount(1_000);
    const large = perAccount(4_000);
    expect(small).toBeGreaterThan(0);
    expect(large).toBeLessThanOrEqual(20);
    expect(small).toBeLessThanOrEqual(20);
  });

  it('drops a key everyone shares instead of pairing everyone', () => {
    const accounts: MatchableAccount[] = [];
    for (let i = 0; i < 2_000; i++) {
      accounts.push(acct('TIKTOK', `tt_creator_${i}_q`, { displayName: 'Amy Smith' }), acct('X', `x_writer_${i}_z`, { displayName: 'amy smith' }));
    }
    const index = buildIndex(accounts, WEAK);
    expect(index.oversizedKeys()).toEqual([{ key: 'name:amysmith', kind: 'name', tiktok: 2_000, x: 2_000 }]);
    expect(countPairs(index).count).toBe(0);
  });

  it('allPairs yields every TikTok x X pair', () => {
    const { accounts } = population(30, 3);
    const pairs = [...allPairs(accounts)];
    expect(pairs).toHaveLength(30 * 30);
    expect(new Set(pairIds(pairs)).size).toBe(900);
    expect(pairs.every((p) => p.tiktok.platform === 'TIKTOK' && p.x.platform === 'X')).toBe(true);
  });
});
