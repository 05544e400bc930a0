/**
 * The Fellegi-Sunter scorer: term-frequency u (a rare exact handle is strong evidence, a common
 * one weak), EM learning m from unlabelled pairs, reviewers' decisions moving m, and conflicts
 * (one account, two candidates) resolved to the better one or to review, never both.
 */
import { assignStatuses } from '../../src/matching/assign';
import { buildIndex, candidatePairs } from '../../src/matching/blocking';
import { estimateM, sampleU, trainingVector } from '../../src/matching/estimate';
import { DEFAULT_FS_MODEL } from '../../src/matching/fellegi-sunter';
import { planMatches } from '../../src/matching/plan';
import { scorePair, type MatchableAccount } from '../../src/matching/score';
import { generateWorld } from '../../src/simulators/world';
import { matchableAccounts } from '../../src/simulators/records';

function tt(username: string, extra: Partial<MatchableAccount> = {}): MatchableAccount {
  return { id: `tiktok:${username}`, platform: 'TIKTOK', username, ...extra };
}
function xa(username: string, extra: Partial<MatchableAccount> = {}): MatchableAccount {
  return { id: `x:${username}`, platform: 'X', username, ...extra };
}

describe('term-frequency adjustment', () => {
  it('auto-approves a rare exact handle with a similar name and no link; never a common one', () => {
    const rare = scorePair(tt('repgabevasquez', { displayName: 'Rep. Gabe Vasquez' }), xa('RepGabeVasquez', { displayName: 'Congressman Gabe Vasquez' }));
    expect(rare.decision).toBe('AUTO');
    expect(rare.reasons).toContain('HANDLE_EXACT');
    const handle = rare.evidence.find((e) => e.signal === 'USERNAME')!;
    expect(handle.level).toBe('EXACT');
    expect(handle.matchWeight!).toBeGreaterThan(10);

    const john = scorePair(tt('john', { displayName: 'John' }), xa('John', { displayName: 'John' }));
    expect(john.decision).not.toBe('AUTO');
    expect(john.reasons).toContain('COMMON_HANDLE');
    const johnSmith = scorePair(tt('john', { displayName: 'John Smith' }), xa('john', { displayName: 'John Smith' }));
    expect(johnSmith.decision).not.toBe('AUTO');
    expect(john.evidence.find((e) => e.signal === 'USERNAME')!.matchWeight!).toBeLessThan(handle.matchWeight! - 8);
  });

  it('weakens an exact handle as more accounts share it in the population', () => {
    const t = tt('beautybyamy', { displayName: 'Amy' });
    const x = xa('beautybyamy', { displayName: 'Amy B' });
    const weight = (holders: number) =>
      scorePair(t, x, {}, { population: { tiktok: 1000, x: 1000 }, keyCount: (k) => (k === 'handle:beautybyamy' ? holders : 0) })
        .evidence.find((e) => e.signal === 'USERNAME')!.matchWeight!;
    expect(weight(2)).toBeGreaterThan(weight(20));
    expect(weight(20) - weight(200)).toBeCloseTo(Math.log2(10), 1);
  });

  it('a squatter with the exact handle but another name is not auto-approved', () => {
    const s = scorePair(tt('amyvalson', { displayName: 'Amy Valson' }), xa('amyvalson', { displayName: 'Derek Holmberg' }));
    expect(s.decision).not.toBe('AUTO');
    expect(s.evidence.find((e) => e.signal === 'DISPLAY_NAME')!.matchWeight!).toBeLessThan(0);
  });

  it('explains the score: the points of the evidence (prior included) add up to the log2 odds', () => {
    const s = scorePair(tt('hs_neu_ulm', { displayName: 'HS Neu-Ulm', bioLink: 'https://hs-neu-ulm.de' }), xa('hochschule_neu_ulm', { displayName: 'Hochschule Neu-Ulm', bioLink: 'https://www.hs-neu-ulm.de/' }));
    const total = s.evidence.reduce((a, e) => a + (e.matchWeight ?? 0), 0);
    expect(s.probability!).toBeCloseTo(2 ** total / (1 + 2 ** total), 4);
    expect(s.score).toBe(Math.round(s.probability! * 100));
    expect(s.evidence.map((e) => e.signal)).toEqual(['BIO_LINK', 'PROFILE_LINK', 'USERNAME', 'DISPLAY_NAME', 'BIO_TEXT', 'PRIOR']);
    expect(s.evidence.find((e) => e.signal === 'USERNAME')!.level).toBe('SHARED_WORD');
    expect(s.decision).toBe('AUTO');
  });
});

describe('handles spelled from an equal name (namesakes)', () => {
  const nick = { displayName: 'Nick Jenova' };
  // 100,000 accounts per platform; each holder count as given, every name word held by `share` of them.
  const world = (share: number) => ({
    population: { tiktok: 100_000, x: 100_000 },
    keyCount: (k: string) => (k.startsWith('token:') ? Math.round(share * 200_000) : k.startsWith('link:') ? 0 : 2),
  });
  const handleWeight = (s: ReturnType<typeof scorePair>) => s.evidence.find((e) => e.signal === 'USERNAME')!.matchWeight!;

  it('an exact handle with an equal name auto-approves while the name is rare, not where its words make namesakes likely', () => {
    const t = tt('nickjenova', nick);
    const x = xa('nickjenova', nick);
    // Words held by 1 in 10,000 accounts: about 0.002 holders of the whole name expected.
    const rare = scorePair(t, x, {}, world(1e-4));
    expect(rare.decision).toBe('AUTO');
    // Words held by 3 in 1,000: about 1.8 holders expected, so the other one may be a namesake.
    const common = scorePair(t, x, {}, world(0.003));
    expect(common.decision).not.toBe('AUTO');
    expect(handleWeight(common)).toBeLessThan(handleWeight(rare) - 8);
    // The name keeps its own weight; corroboration (the same link) auto-approves again.
    expect(common.evidence.find((e) => e.signal === 'DISPLAY_NAME')!.matchWeight!).toBeCloseTo(rare.evidence.find((e) => e.signal === 'DISPLAY_NAME')!.matchWeight!, 6);
    const link = { bioLink: 'https://linktr.ee/nickjenova' };
    expect(scorePair(tt('nickjenova', { ...nick, ...link }), xa('nickjenova', { ...nick, ...link }), {}, world(0.003)).decision).toBe('AUTO');
  });

  it('leaves handles that carry more than the name, and pairs whose names differ, as they were', () => {
    const cooks = scorePair(tt('nickjenovacooks', nick), xa('nickjenovacooks', nick), {}, world(0.003));
    expect(cooks.decision).toBe('AUTO');
    // Names not equal: the handle weighs its term frequency alone (two holders in 100,000 per platform).
    const independent = Math.log2(DEFAULT_FS_MODEL.m.USERNAME[0] / 1e-5);
    expect(handleWeight(scorePair(tt('nickjenova', { displayName: 'Nick J' }), xa('nickjenova', nick), {}, world(0.003)))).toBeCloseTo(independent, 3);
  });
});

describe('EM', () => {
  const world = generateWorld({ creators: 400, accountsOnly: true, seed: 3 });
  const accounts = matchableAccounts(world);
  const index = buildIndex(accounts);
  const candidates = [...candidatePairs(index)];
  const tiktok = index.accounts.filter((a) => a.platform === 'TIKTOK');
  const x = index.accounts.filter((a) => a.platform === 'X');
  const pop = { tiktok: tiktok.length, x: x.length, keyCount: (k: string) => index.keyCount(k) };
  const start = { ...DEFAULT_FS_MODEL, u: sampleU(tiktok, x, DEFAULT_FS_MODEL) };

  it('converges on a small world from a flat start, to m close to the true shares', () => {
    const flat = { ...start, m: Object.fromEntries(Object.entries(start.m).map(([s, v]) => [s, v.map(() => 1 / v.length)])) as typeof start.m };
    const vectors = candidates.map((c) => trainingVector(c.tiktok, c.x, flat, pop));
    const em = estimateM(vectors, flat, pop, { maxIterations: 200 });
    expect(em.converged).toBe(true);
    expect(em.deltas[em.deltas.length - 1]).toBeLessThan(1e-4);
    // The truth's share of exact handles among true pairs that blocking finds, computed apart from EM.
    const truth = new Set(world.truth.pairs.map((p) => `tiktok:${p.tiktokUserId}|x:${p.xUserId}`));
    const truePairs = candidates.filter((c) => truth.has(`${c.tiktok.id}|${c.x.id}`));
    const exactShare = truePairs.filter((c) => c.tiktok.username.toLowerCase() === c.x.username.toLowerCase()).length / truePairs.length;
    expect(Math.abs(em.model.m.USERNAME[0] - exactShare)).toBeLessThan(0.08);
    const expected = em.model.matchesPerAccount * Math.min(tiktok.length, x.length);
    expect(Math.abs(expected - truePairs.length) / truePairs.length).toBeLessThan(0.15);
  });

  it('moves m with reviewers\' decisions', () => {
    const vectors = candidates.map((c) => trainingVector(c.tiktok, c.x, start, pop));
    const before = estimateM(vectors, start, pop).model;
    // Reviewers approve pairs whose names are entirely different: m of DISPLAY_NAME DIFFERENT rises.
    const labelled = candidates
      .filter((c) => trainingVector(c.tiktok, c.x, start, pop).levels.DISPLAY_NAME === 3)
      .slice(0, 30)
      .map((c) => trainingVector(c.tiktok, c.x, start, pop, 1));
    expect(labelled.length).toBeGreaterThan(5);
    const after = estimateM([...vectors, ...labelled], start, pop).model;
    expect(after.m.DISPLAY_NAME[3]).toBeGreaterThan(before.m.DISPLAY_NAME[3] * 1.5);
  });

  it('a full plan learns from stored reviewer decisions', () => {
    const some = candidates.slice(0, 40).map((c) => ({ tiktokId: c.tiktok.id, xId: c.x.id, status: 'MANUAL' as const }));
    const plain = planMatches(accounts);
    const reviewed = planMatches(accounts, {}, some);
    expect(plain.em!.iterations).toBeGreaterThan(0);
    expect(reviewed.model!.m).not.toEqual(plain.model!.m);
  });
});

describe('conflicts', () => {
  it('an account with a squatter and its real counterpart: the better one, or review, never both', () => {
    const t = tt('amyvalson', { displayName: 'Amy Valson', bioLink: 'https://amyvalson.com' });
    const squatter = xa('amyvalson', { displayName: 'Derek Holmberg' });
    const real = xa('AmyValsonTV', { displayName: 'Amy Valson', bioLink: 'https://www.amyvalson.com/' });
    const plan = planMatches([t, squatter, real]);
    const status = new Map(plan.assignments.map((a) => [a.xId, a.status]));
    expect(status.get(real.id)).toBe('AUTO');
    expect(status.get(squatter.id)).not.toBe('AUTO');

    // Two strong candidates for one account: both go to review.
    const twin = xa('amy_valson', { displayName: 'Amy Valson', bioLink: 'https://amyvalson.com' });
    const both = assignStatuses([scorePair(t, real), scorePair(t, twin)]);
    expect(both.map((a) => a.status)).toEqual(['PENDING', 'PENDING']);
    expect(both.every((a) => a.why === 'CONFLICT')).toBe(true);
  });
});
