import { assignStatuses, type Assignment } from '../../src/matching/assign';
import type { MatchDecision, ScoredPair } from '../../src/matching/score';

function scored(t: string, x: string, decision: MatchDecision, score = decision === 'AUTO' ? 90 : decision === 'PENDING' ? 40 : 10): ScoredPair {
  return { tiktokId: `tiktok:${t}`, xId: `x:${x}`, score, reasons: [], evidence: [], decision };
}

function summary(as: Assignment[]): string[] {
  return as.map((a) => `${a.tiktokId}|${a.xId} ${a.status ?? '-'} ${a.why}${a.conflictsWith.length ? ` [${a.conflictsWith.join(',')}]` : ''}`);
}

describe('assignStatuses', () => {
  it('keeps lone AUTO candidates AUTO and passes review and no-match decisions through', () => {
    expect(summary(assignStatuses([scored('a', 'a', 'AUTO'), scored('b', 'b', 'PENDING'), scored('c', 'c', 'NONE')]))).toEqual([
      'tiktok:a|x:a AUTO AUTO',
      'tiktok:b|x:b PENDING REVIEW_SCORE',
      'tiktok:c|x:c - NO_MATCH',
    ]);
  });

  it('sends rival AUTO candidates for one TikTok account to review', () => {
    expect(summary(assignStatuses([scored('a', 'a1', 'AUTO'), scored('a', 'a2', 'AUTO', 100), scored('b', 'b', 'AUTO')]))).toEqual([
      'tiktok:a|x:a1 PENDING CONFLICT [x:a2]',
      'tiktok:a|x:a2 PENDING CONFLICT [x:a1]',
      'tiktok:b|x:b AUTO AUTO',
    ]);
  });

  it('sends rival AUTO candidates for one X account to review', () => {
    expect(summary(assignStatuses([scored('a1', 'a', 'AUTO'), scored('a2', 'a', 'AUTO')]))).toEqual([
      'tiktok:a1|x:a PENDING CONFLICT [tiktok:a2]',
      'tiktok:a2|x:a PENDING CONFLICT [tiktok:a1]',
    ]);
  });

  it('does not let a PENDING candidate block an AUTO one', () => {
    expect(summary(assignStatuses([scored('a', 'a1', 'AUTO'), scored('a', 'a2', 'PENDING')]))).toEqual([
      'tiktok:a|x:a1 AUTO AUTO',
      'tiktok:a|x:a2 PENDING REVIEW_SCORE',
    ]);
  });

  it('never re-proposes a REJECTED pair, whatever its score', () => {
    const out = assignStatuses([scored('a', 'a', 'AUTO'), scored('b', 'b', 'PENDING')], [
      { tiktokId: 'tiktok:a', xId: 'x:a', status: 'REJECTED' },
      { tiktokId: 'tiktok:b', xId: 'x:b', status: 'REJECTED' },
    ]);
    expect(summary(out)).toEqual(['tiktok:a|x:a - REJECTED_BEFORE', 'tiktok:b|x:b - REJECTED_BEFORE']);
    expect(out.map((a) => a.previousStatus)).toEqual(['REJECTED', 'REJECTED']);
  });

  it('a rejected rival does not cause a conflict', () => {
    const out = assignStatuses([scored('a', 'a1', 'AUTO'), scored('a', 'a2', 'AUTO')], [{ tiktokId: 'tiktok:a', xId: 'x:a2', status: 'REJECTED' }]);
    expect(summary(out)).toEqual(['tiktok:a|x:a1 AUTO AUTO', 'tiktok:a|x:a2 - REJECTED_BEFORE']);
  });

  it('keeps MANUAL links whatever the score, and gives their accounts no automatic second partner', () => {
    const out = assignStatuses(
      [scored('a', 'a', 'NONE'), scored('a', 'other', 'AUTO'), scored('b', 'b', 'AUTO')],
      [
        { tiktokId: 'tiktok:a', xId: 'x:a', status: 'MANUAL' },
        { tiktokId: 'tiktok:z', xId: 'x:b', status: 'MANUAL' },
      ],
    );
    expect(summary(out)).toEqual([
      'tiktok:a|x:a MANUAL MANUAL_KEPT',
      'tiktok:a|x:other PENDING ACCOUNT_LINKED [x:a]',
      'tiktok:b|x:b PENDING ACCOUNT_LINKED [tiktok:z]',
    ]);
  });

  it('recomputes stored machine decisions in the batch', () => {
    const out = assignStatuses([scored('a', 'a', 'PENDING'), scored('b', 'b', 'AUTO'), scored('c', 'c', 'NONE')], [
      { tiktokId: 'tiktok:a', xId: 'x:a', status: 'AUTO' },
      { tiktokId: 'tiktok:b', xId: 'x:b', status: 'PENDING' },
      { tiktokId: 'tiktok:c', xId: 'x:c', status: 'PENDING' },
    ]);
    expect(summary(out)).toEqual(['tiktok:a|x:a PENDING REVIEW_SCORE', 'tiktok:b|x:b AUTO AUTO', 'tiktok:c|x:c - NO_MATCH']);
    expect(out.map((a) => a.previousStatus)).toEqual(['AUTO', 'PENDING', 'PENDING']);
  });

  it('demotes a stored AUTO match outside the batch that a new AUTO candidate conflicts with', () => {
    const out = assignStatuses([scored('a', 'new', 'AUTO'), scored('b', 'b', 'AUTO')], [
      { tiktokId: 'tiktok:a', xId: 'x:old', status: 'AUTO' },
      { tiktokId: 'tiktok:q', xId: 'x:q', status: 'AUTO' },
    ]);
    expect(summary(out)).toEqual([
      'tiktok:a|x:new PENDING CONFLICT [x:old]',
      'tiktok:b|x:b AUTO AUTO',
      'tiktok:a|x:old PENDING CONFLICT [x:new]',
    ]);
    expect(out[2].pair).toBeUndefined();
    expect(out[2].previousStatus).toBe('AUTO');
  });

  it('decides a pair given twice on its higher score', () => {
    const out = assignStatuses([scored('a', 'a', 'PENDING', 40), scored('a', 'a', 'AUTO', 90)]);
    expect(summary(out)).toEqual(['tiktok:a|x:a AUTO AUTO']);
    expect(out[0].pair!.score).toBe(90);
  });

  it('never leaves an account AUTO-matched to two partners on a random batch', () => {
    let seed = 99;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const pairs: ScoredPair[] = [];
    for (let i = 0; i < 300; i++) pairs.push(scored(`t${next(200)}`, `x${next(200)}`, (['AUTO', 'PENDING', 'NONE'] as const)[next(3)]));
    const existing = [
      { tiktokId: 'tiktok:t1', xId: 'x:x99', status: 'AUTO' as const },
      { tiktokId: 'tiktok:t2', xId: 'x:x98', status: 'MANUAL' as const },
    ];
    const out = assignStatuses(pairs, existing);
    const partners = new Map<string, Set<string>>();
    for (const a of out) {
      if (a.status !== 'AUTO') continue;
      for (const [k, v] of [[a.tiktokId, a.xId], [a.xId, a.tiktokId]]) {
        if (!partners.has(k)) partners.set(k, new Set());
        partners.get(k)!.add(v);
      }
    }
    // Stored AUTO matches that were not demoted still hold their accounts.
    const demoted = new Set(out.filter((a) => a.pair === undefined).map((a) => `${a.tiktokId}|${a.xId}`));
    if (!demoted.has('tiktok:t1|x:x99')) partners.get('tiktok:t1')?.add('x:x99');
    for (const [, ps] of partners) expect(ps.size).toBe(1);
    expect(out.some((a) => a.why === 'CONFLICT')).toBe(true);
    expect(out.some((a) => a.status === 'AUTO')).toBe(true);
    expect(out.filter((a) => a.tiktokId === 'tiktok:t2' && a.xId !== 'x:x98').every((a) => a.status !== 'AUTO')).toBe(true);
  });
});
