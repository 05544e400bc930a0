import { resolveMatchOptions, MatchOptionsError, DEFAULT_MATCH_OPTIONS } from '../../src/matching/options';
import {
  scorePair as scoreAny,
  scorePairs as scoreStream,
  MatchInputError,
  type MatchableAccount,
  type ScoreContext,
  type ScoredPair,
} from '../../src/matching/score';
import type { MatchOptionsInput } from '../../src/matching/options';

// These cases pin down the seed's fixed-points scorer (model 'fixed'), kept beside the
// probabilistic one for comparison; the probabilistic scorer has its own tests (probabilistic.test.ts).
const scorePair = (t: MatchableAccount, x: MatchableAccount, o: MatchOptionsInput = {}, c: ScoreContext = {}) =>
  scoreAny(t, x, { model: 'fixed', ...o }, c);
const scorePairs = (pairs: { tiktok: MatchableAccount; x: MatchableAccount }[]) => scoreStream(pairs, { model: 'fixed' });

function tt(username: string, extra: Partial<MatchableAccount> = {}): MatchableAccount {
  return { id: `tiktok:${username}`, platform: 'TIKTOK', username, ...extra };
}
function xa(username: string, extra: Partial<MatchableAccount> = {}): MatchableAccount {
  return { id: `x:${username}`, platform: 'X', username, ...extra };
}
function pointsOf(s: ScoredPair): number {
  return s.evidence.reduce((a, e) => a + e.points, 0);
}

describe('scorePair decisions (seed defaults)', () => {
  it('bio link + exact handle -> AUTO', () => {
    const s = scorePair(
      tt('beautybyamy', { bioLink: 'https://linktr.ee/BeautyByAmy?utm_source=tiktok' }),
      xa('BeautyByAmy', { bioLink: 'http://www.linktr.ee/beautybyamy/' }),
    );
    expect(s.reasons).toEqual(['BIOLINK_EXACT', 'HANDLE_EXACT']);
    expect(s.score).toBe(90);
    expect(s.decision).toBe('AUTO');
  });

  it('exact handle only -> PENDING', () => {
    const s = scorePair(tt('beautybyamy'), xa('BeautyByAmy'));
    expect(s.reasons).toEqual(['HANDLE_EXACT']);
    expect(s.score).toBe(30);
    expect(s.decision).toBe('PENDING');
  });

  it('normalised handle only -> PENDING, and not a strong reason', () => {
    const s = scorePair(tt('beauty.by.amy'), xa('beauty_by_amy99'));
    expect(s.reasons).toEqual(['HANDLE_NORMALIZED']);
    expect(s.decision).toBe('PENDING');
    // Same-domain bio links push it to 60, but neither reason allows auto-approval.
    const withDomain = scorePair(
      tt('beauty.by.amy', { bioLink: 'https://amysmith.com/tiktok' }),
      xa('beauty_by_amy99', { bioLink: 'https://shop.amysmith.com' }),
    );
    expect(withDomain.reasons).toEqual(['BIOLINK_DOMAIN', 'HANDLE_NORMALIZED']);
    expect(withDomain.score).toBe(60);
    expect(withDomain.decision).toBe('PENDING');
  });

  it('exact handle + same own domain -> AUTO', () => {
    const s = scorePair(
      tt('beautybyamy', { bioLink: 'https://amysmith.com/tiktok' }),
      xa('beautybyamy', { bioLink: 'https://shop.amysmith.com' }),
    );
    expect(s.score).toBe(60);
    expect(s.decision).toBe('AUTO');
  });

  it('common handle "john" is never AUTO on the handle', () => {
    const s = scorePair(
      tt('john', { displayName: 'John', bioLink: 'https://johnsbakery.com/menu' }),
      xa('John', { displayName: 'JOHN', bioLink: 'https://johnsbakery.com' }),
    );
    expect(s.reasons).toEqual(['BIOLINK_DOMAIN', 'HANDLE_EXACT', 'COMMON_HANDLE', 'NAME_EXACT']);
    const penalty = s.evidence.find((e) => e.reason === 'COMMON_HANDLE')!;
    expect(penalty.signal).toBe('USERNAME');
    expect(penalty.points).toBeLessThan(0);
    expect(s.score).toBe(30 + 30 - 20 + 10);
    expect(s.decision).toBe('PENDING');
    // Without the penalty this pair would have been auto-approved on the handle.
    const noPenalty = scorePair(
      tt('john', { displayName: 'John', bioLink: 'https://johnsbakery.com/menu' }),
      xa('John', { displayName: 'JOHN', bioLink: 'https://johnsbakery.com' }),
      { weights: { commonHandlePenalty: 0 } },
    );
    expect(noPenalty.score).toBe(70);
    expect(noPenalty.decision).toBe('PENDING'); // still: a common exact handle is not a strong reason
  });

  it('treats dictionary words, first names and widely shared handles as common', () => {
    expect(scorePair(tt('jessica'), xa('jessica')).reasons).toContain('COMMON_HANDLE');
    expect(scorePair(tt('fitness'), xa('fitness')).reasons).toContain('COMMON_HANDLE');
    expect(scorePair(tt('amy22'), xa('amy')).reasons).toEqual(['HANDLE_NORMALIZED', 'COMMON_HANDLE']);
    expect(scorePair(tt('beautybyamy'), xa('beautybyamy')).reasons).not.toContain('COMMON_HANDLE');
    const crowded = scorePair(tt('beautybyamy'), xa('beautybyamy'), undefined, { handleCount: (h) => (h === 'beautybyamy' ? 9 : 1) });
    expect(crowded.reasons).toContain('COMMON_HANDLE');
    const uncrowded = scorePair(tt('beautybyamy'), xa('beautybyamy'), undefined, { handleCount: () => 2 });
    expect(uncrowded.reasons).not.toContain('COMMON_HANDLE');
  });

  it('display name only -> NONE', () => {
    const s = scorePair(tt('amy_makes_things', { displayName: '𝓐𝓶𝔂 𝓢𝓶𝓲𝓽𝓱 ✨' }), xa('asmith_writes', { displayName: 'Amy Smith' }));
    expect(s.reasons).toEqual(['NAME_EXACT']);
    expect(s.score).toBe(10);
    expect(s.decision).toBe('NONE');
  });

  it('different link-in-bio pages do not match, not even by domain', () => {
    const s = scorePair(tt('amy_makes', { bioLink: 'https://linktr.ee/amy' }), xa('bob_bakes', { bioLink: 'https://linktr.ee/bob' }));
    expect(s.reasons).toEqual([]);
    expect(s.score).toBe(0);
    expect(s.decision).toBe('NONE');
  });

  it('two different github.io sites do not match by domain', () => {
    const s = scorePair(tt('amy_makes', { bioLink: 'https://amy.github.io' }), xa('bob_bakes', { bioLink: 'https://bob.github.io' }));
    expect(s.reasons).toEqual([]);
  });

  it('bare shared-host links do not match each other', () => {
    const s = scorePair(tt('amy_makes', { bioLink: 'https://linktr.ee/' }), xa('bob_bakes', { bioLink: 'linktr.ee' }));
    expect(s.reasons).toEqual([]);
  });
});

describe('PROFILE_LINK', () => {
  it('TikTok bio link to the X profile counts as much as an exact bio link', () => {
    const s = scorePair(tt('amy.makes', { bioLink: 'https://twitter.com/AmyTweets?s=21' }), xa('amytweets'));
    expect(s.reasons).toEqual(['PROFILE_LINK']);
    expect(s.score).toBe(60);
    expect(s.decision).toBe('AUTO');
    const e = s.evidence.find((x) => x.reason === 'PROFILE_LINK')!;
    expect(e.signal).toBe('BIO_LINK');
    expect(e.values).toEqual([
      { platform: 'TIKTOK', raw: 'https://twitter.com/AmyTweets?s=21', normalized: 'amytweets' },
      { platform: 'X', raw: 'amytweets', normalized: 'amytweets' },
    ]);
  });

  it('X bio naming the TikTok handle counts, from the bio text', () => {
    const s = scorePair(tt('amy.makes'), xa('amytweets', { bio: 'writer. tt: @Amy.Makes' }));
    expect(s.reasons).toEqual(['PROFILE_LINK']);
    expect(s.evidence.find((e) => e.reason === 'PROFILE_LINK')!.signal).toBe('BIO_TEXT');
    expect(s.decision).toBe('AUTO');
  });

  it('X bio link to the TikTok profile counts', () => {
    const s = scorePair(tt('amy.makes'), xa('amytweets', { bioLink: 'https://www.tiktok.com/@amy.makes?lang=en' }));
    expect(s.reasons).toEqual(['PROFILE_LINK']);
  });

  it('a link to a different account is compared but earns nothing', () => {
    const s = scorePair(tt('amy.makes', { bioLink: 'https://x.com/someone_else' }), xa('amytweets'));
    expect(s.reasons).toEqual([]);
    const e = s.evidence.find((x) => x.signal === 'BIO_LINK' && x.values[0].normalized === 'someone_else');
    expect(e).toBeDefined();
    expect(e!.points).toBe(0);
  });

  it('one direction earns once; both directions earn twice, clamped to 100', () => {
    const oneWay = scorePair(tt('amy.makes', { bioLink: 'x.com/amytweets', bio: 'X: @amytweets' }), xa('amytweets'));
    expect(oneWay.score).toBe(60);
    expect(oneWay.evidence.filter((e) => e.reason === 'PROFILE_LINK').map((e) => e.points)).toEqual([60, 0]);
    const both = scorePair(tt('amy.makes', { bioLink: 'x.com/amytweets' }), xa('amytweets', { bio: 'tiktok: @amy.makes' }));
    expect(pointsOf(both)).toBe(120);
    expect(both.score).toBe(100);
  });
});

describe('evidence', () => {
  it('lists every compared signal with raw and normalised values, and the score is their sum', () => {
    const s = scorePair(
      tt('Beauty.By.Amy', { displayName: 'Ａｍｙ 💄', bioLink: 'https://amysmith.com/?utm_source=tt' }),
      xa('beautybyamy_', { displayName: 'amy', bioLink: 'https://linktr.ee/amy' }),
    );
    expect(s.evidence.map((e) => [e.signal, e.reason ?? null, e.points])).toEqual([
      ['BIO_LINK', null, 0],
      ['USERNAME', 'HANDLE_NORMALIZED', 30],
      ['DISPLAY_NAME', 'NAME_EXACT', 10],
    ]);
    expect(s.evidence[0].values).toEqual([
      { platform: 'TIKTOK', raw: 'https://amysmith.com/?utm_source=tt', normalized: 'amysmith.com' },
      { platform: 'X', raw: 'https://linktr.ee/amy', normalized: 'linktr.ee/amy' },
    ]);
    expect(s.evidence[1].values).toEqual([
      { platform: 'TIKTOK', raw: 'Beauty.By.Amy', normalized: 'beautybyamy' },
      { platform: 'X', raw: 'beautybyamy_', normalized: 'beautybyamy' },
    ]);
    expect(s.evidence[2].values).toEqual([
      { platform: 'TIKTOK', raw: 'Ａｍｙ 💄', normalized: 'amy' },
      { platform: 'X', raw: 'amy', normalized: 'amy' },
    ]);
    expect(s.score).toBe(pointsOf(s));
  });

  it('records a missing value as null and skips signals absent on both sides', () => {
    const s = scorePair(tt('amy_makes', { bioLink: 'https://amysmith.com' }), xa('bob_bakes'));
    expect(s.evidence.map((e) => e.signal)).toEqual(['BIO_LINK', 'USERNAME']);
    expect(s.evidence[0].values[1]).toEqual({ platform: 'X', raw: null, normalized: null });
  });

  it('clamps at 0 when penalties exceed gains', () => {
    const s = scorePair(tt('amy'), xa('amy'), { weights: { commonHandlePenalty: 50 } });
    expect(pointsOf(s)).toBe(-20);
    expect(s.score).toBe(0);
  });
});

describe('options', () => {
  it('weights and thresholds are configuration', () => {
    const a = tt('beautybyamy');
    const b = xa('beautybyamy');
    expect(scorePair(a, b, { weights: { handle: 45 } }).score).toBe(45);
    expect(scorePair(a, b, { reviewThreshold: 40 }).decision).toBe('NONE');
    expect(scorePair(a, b, { autoThreshold: 30 }).decision).toBe('AUTO');
    expect(scorePair(a, b, { autoThreshold: 30, strongReasons: ['BIOLINK_EXACT'] }).decision).toBe('PENDING');
  });

  it('defaults are the seed values', () => {
    const o = resolveMatchOptions();
    expect([o.weights.bioLink, o.weights.handle, o.weights.name, o.autoThreshold, o.reviewThreshold, o.maxBlockSize]).toEqual([60, 30, 10, 60, 30, 50]);
    expect(o).toEqual(resolveMatchOptions(DEFAULT_MATCH_OPTIONS));
  });

  it('rejects inconsistent options with a typed error', () => {
    expect(() => resolveMatchOptions({ reviewThreshold: 70, autoThreshold: 60 })).toThrow(MatchOptionsError);
    expect(() => resolveMatchOptions({ weights: { name: Number.NaN } })).toThrow(MatchOptionsError);
    expect(() => resolveMatchOptions({ weights: { commonHandlePenalty: -5 } })).toThrow(MatchOptionsError);
    expect(() => resolveMatchOptions({ maxBlockSize: 1 })).toThrow(MatchOptionsError);
  });

  it('rejects pairs that are not (TIKTOK, X)', () => {
    expect(() => scorePair(xa('amy'), tt('amy'))).toThrow(MatchInputError);
    expect(() => scorePair(tt('amy'), tt('amy2'))).toThrow(MatchInputError);
  });

  it('scorePairs scores a stream lazily', () => {
    const gen = scorePairs([{ tiktok: tt('beautybyamy'), x: xa('beautybyamy') }, { tiktok: tt('amy_makes'), x: xa('bob_bakes') }]);
    expect([...gen].map((s) => [s.tiktokId, s.xId, s.decision])).toEqual([
      ['tiktok:beautybyamy', 'x:beautybyamy', 'PENDING'],
      ['tiktok:amy_makes', 'x:bob_bakes', 'NONE'],
    ]);
  });
});
