import { planMatches as planAny } from '../../src/matching/plan';
import type { ExistingMatch } from '../../src/matching/assign';

// The fixed-points scorer's plan; the probabilistic plan is measured in probabilistic.test.ts.
const planMatches = (a: Iterable<MatchableAccount>, _o?: undefined, e: ExistingMatch[] = []) => planAny(a, { model: 'fixed' }, e);
import type { MatchableAccount } from '../../src/matching/score';
import type { Platform } from '../../src/graph/model';

function acct(platform: Platform, username: string, extra: Partial<MatchableAccount> = {}): MatchableAccount {
  return { id: `${platform === 'TIKTOK' ? 'tiktok' : 'x'}:${username}`, platform, username, ...extra };
}

describe('planMatches', () => {
  const accounts: MatchableAccount[] = [
    acct('TIKTOK', 'beautybyamy', { displayName: 'Amy 💄', bioLink: 'https://linktr.ee/beautybyamy?utm_source=tiktok' }),
    acct('X', 'BeautyByAmy', { displayName: '𝐀𝐦𝐲', bioLink: 'https://www.linktr.ee/BeautyByAmy/' }),
    acct('TIKTOK', 'chef.bo', { bioLink: 'https://x.com/bo_cooks' }),
    acct('X', 'bo_cooks'),
    acct('X', 'bo_cooks_too', { bio: 'tiktok: @chef.bo' }),
    acct('TIKTOK', 'dana_draws'),
    acct('X', 'danadraws'),
    acct('TIKTOK', 'nobody_here', { displayName: 'Nobody' }),
    acct('X', 'someone_else', { displayName: 'Nobody' }),
  ];

  it('scores only candidate pairs, keeps review-band and better, and assigns conflict-aware statuses', () => {
    const r = planMatches(accounts);
    const byPair = new Map(r.assignments.map((a) => [`${a.tiktokId}|${a.xId}`, a]));
    expect([...byPair.keys()].sort()).toEqual([
      'tiktok:beautybyamy|x:BeautyByAmy',
      'tiktok:chef.bo|x:bo_cooks',
      'tiktok:chef.bo|x:bo_cooks_too',
      'tiktok:dana_draws|x:danadraws',
    ]);
    expect(byPair.get('tiktok:beautybyamy|x:BeautyByAmy')!.status).toBe('AUTO');
    // chef.bo is pointed at by two X accounts and points at one: both would be AUTO, so both wait.
    expect(byPair.get('tiktok:chef.bo|x:bo_cooks')!.status).toBe('PENDING');
    expect(byPair.get('tiktok:chef.bo|x:bo_cooks_too')!.why).toBe('CONFLICT');
    expect(byPair.get('tiktok:dana_draws|x:danadraws')!.status).toBe('PENDING');
    // The name-only pair shares only a weak key, so it is not even a candidate.
    expect(r.candidateCount).toBe(4);
    expect(r.scored).toHaveLength(4);
  });

  it('respects stored decisions and reports stored pairs that no longer score', () => {
    const r = planMatches(accounts, undefined, [
      { tiktokId: 'tiktok:chef.bo', xId: 'x:bo_cooks_too', status: 'REJECTED' },
      { tiktokId: 'tiktok:nobody_here', xId: 'x:someone_else', status: 'PENDING' },
    ]);
    const byPair = new Map(r.assignments.map((a) => [`${a.tiktokId}|${a.xId}`, a]));
    expect(byPair.get('tiktok:chef.bo|x:bo_cooks')!.status).toBe('AUTO');
    expect(byPair.get('tiktok:chef.bo|x:bo_cooks_too')!.why).toBe('REJECTED_BEFORE');
    expect(byPair.get('tiktok:nobody_here|x:someone_else')).toMatchObject({ status: null, why: 'NO_MATCH', previousStatus: 'PENDING' });
  });

  it('feeds the index handle counts into COMMON_HANDLE', () => {
    const crowd = [
      acct('TIKTOK', 'glowqueenmia', { bioLink: 'https://miaglow.com/links' }),
      acct('X', 'glowqueenmia', { bioLink: 'https://miaglow.com' }),
      acct('TIKTOK', 'glow.queen.mia2'),
      acct('TIKTOK', 'glowqueenmia_3'),
      acct('X', 'glow_queen_mia4'),
    ];
    const alone = planMatches(crowd.slice(0, 2));
    expect(alone.scored[0].reasons).toEqual(['BIOLINK_DOMAIN', 'HANDLE_EXACT']);
    expect(alone.assignments[0].status).toBe('AUTO');
    const crowded = planMatches(crowd);
    const pair = crowded.scored.find((s) => s.tiktokId === 'tiktok:glowqueenmia' && s.xId === 'x:glowqueenmia')!;
    expect(pair.reasons).toContain('COMMON_HANDLE');
    expect(pair.decision).toBe('PENDING');
  });
});
