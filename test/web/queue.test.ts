import type { MatchStatus, ReviewMatch } from '../../src/web/review/documents';
import {
  applyMatch,
  applyMatches,
  deskReducer,
  EMPTY_DESK,
  EMPTY_QUEUE,
  sideBySide,
  type DeskState,
} from '../../src/web/review/queue';

function match(id: string, score: number, status: MatchStatus = 'PENDING', updatedAt = '2025-01-01T00:00:00.000Z'): ReviewMatch {
  return {
    id,
    score,
    status,
    reasons: ['HANDLE_EXACT'],
    updatedAt,
    evidence: [],
    accounts: [
      { id: `x:${id}`, platform: 'X', username: `x_${id}`, displayName: null, bio: null, bioLink: null, followers: 1, avatarUrl: null, profileUrl: `https://x.com/x_${id}` },
      { id: `tiktok:${id}`, platform: 'TIKTOK', username: `tt_${id}`, displayName: null, bio: null, bioLink: null, followers: 2, avatarUrl: null, profileUrl: `https://www.tiktok.com/@tt_${id}` },
    ],
  };
}

const ids = (s: { matches: readonly ReviewMatch[] }) => s.matches.map((m) => m.id);
const T1 = '2025-01-01T00:00:01.000Z';
const T2 = '2025-01-01T00:00:02.000Z';

describe('review queue', () => {
  it('keeps PENDING matches strongest first, ties by id', () => {
    const q = applyMatches(EMPTY_QUEUE, [match('b', 40), match('c', 55), match('a', 40)]);
    expect(ids(q)).toEqual(['c', 'a', 'b']);
  });

  it('drops a match once it is decided and replaces a rescored one', () => {
    let q = applyMatches(EMPTY_QUEUE, [match('a', 40), match('b', 50)]);
    q = applyMatch(q, match('a', 58, 'PENDING', T1));
    expect(ids(q)).toEqual(['a', 'b']);
    expect(q.matches[0].score).toBe(58);
    q = applyMatch(q, match('a', 58, 'MANUAL', T2));
    expect(ids(q)).toEqual(['b']);
  });

  it('ignores a stale state, even for a match no longer shown', () => {
    let q = applyMatch(EMPTY_QUEUE, match('a', 40, 'PENDING', T1));
    q = applyMatch(q, match('a', 40, 'REJECTED', T2));
    q = applyMatch(q, match('a', 40, 'PENDING', T1));
    expect(ids(q)).toEqual([]);
  });

  it('caps the list at the limit, keeping the strongest', () => {
    const q = applyMatches(EMPTY_QUEUE, [match('a', 31), match('b', 50), match('c', 45)], 2);
    expect(ids(q)).toEqual(['b', 'c']);
  });

  it('puts TikTok on the left whatever order the API returns', () => {
    const { tiktok, x } = sideBySide(match('a', 40));
    expect(tiktok?.platform).toBe('TIKTOK');
    expect(x?.platform).toBe('X');
  });
});

describe('review desk state', () => {
  const loaded = (state: DeskState, matches: ReviewMatch[], totalCount = matches.length) =>
    deskReducer(state, { type: 'loaded', matches, totalCount });

  it('counts pending matches as events add and remove them', () => {
    let s = loaded(EMPTY_DESK, [match('a', 40), match('b', 50)], 7);
    s = deskReducer(s, { type: 'match', match: match('c', 45, 'PENDING', T1) });
    expect(s.totalCount).toBe(8);
    s = deskReducer(s, { type: 'match', match: match('a', 40, 'MANUAL', T1) });
    s = deskReducer(s, { type: 'match', match: match('a', 40, 'MANUAL', T1) }); // the same event twice
    expect(s.totalCount).toBe(7);
    expect(ids(s.queue)).toEqual(['b', 'c']);
  });

  it('a reload drops a match whose removal was missed, but keeps changes made during the load', () => {
    let s = loaded(EMPTY_DESK, [match('a', 40), match('b', 50)]);
    s = deskReducer(s, { type: 'loadStarted' });
    // While the query is in flight: a new match appears and b is rescored.
    s = deskReducer(s, { type: 'match', match: match('c', 45, 'PENDING', T1) });
    s = deskReducer(s, { type: 'match', match: match('b', 60, 'PENDING', T2) });
    // The server's answer predates both events and no longer has a (decided while we were away).
    s = loaded(s, [match('b', 50)], 1);
    expect(ids(s.queue)).toEqual(['b', 'c']);
    expect(s.queue.matches[0].score).toBe(60);
  });
});
