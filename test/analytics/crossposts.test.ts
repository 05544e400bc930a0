/**
 * The text rules of the cross-post detector (no link between the posts): same content despite
 * links, handles, emoji and hashtag order; never from a caption the creator reuses.
 */
import { contentText, wordContainment } from '../../src/analytics/content-text';
import { findTextCrossposts, type CrosspostScope } from '../../src/analytics/crossposts';

const H = 3_600_000;
const t0 = Date.parse('2026-11-10T12:00:00Z');
const caption = 'Sunset timelapse from the ridge above Lake Bled this morning';

function scope(over: Partial<CrosspostScope> = {}): CrosspostScope {
  return {
    id: 'tiktok:1',
    createdAt: new Date(t0),
    text: `${caption} 🌄 #travel #Slovenia @bledtours`,
    hashtags: ['travel', 'slovenia'],
    others: [
      { id: 'x:9', createdAt: new Date(t0 + 2 * H), text: `new vid! ${caption} #slovenia #travel https://t.co/abc`, hashtags: ['slovenia', 'travel'], linked: false },
      { id: 'x:8', createdAt: new Date(t0 + 5 * H), text: 'coffee first, then emails', hashtags: [], linked: false },
    ],
    siblings: ['packing tips #travel'],
    ...over,
  };
}

describe('content text', () => {
  it('drops links, handles, emoji and hashtag spelling, keeping the words in order', () => {
    const c = contentText('Café run ☕️ with @Anna_B https://t.co/x1 #CoffeeTime #foodie', ['coffeetime']);
    expect(c.words).toEqual(['cafe', 'run', 'with']);
    expect([...c.hashtags].sort()).toEqual(['coffeetime', 'foodie']);
    expect(wordContainment(['a', 'b'], ['x', 'a', 'b', 'y'])).toBe(1);
    expect(wordContainment(['a', 'b'], ['a'])).toBe(1);
    expect(wordContainment(['a', 'b', 'c'], ['a', 'z', 'y', 'x'])).toBeCloseTo(1 / 3);
  });
});

describe('text cross-posts', () => {
  it('finds the same caption on the other account, later post amplifying the earlier, with its evidence', () => {
    const [e, ...rest] = findTextCrossposts([scope()]);
    expect(rest).toHaveLength(0);
    expect(e).toMatchObject({ amplifierId: 'x:9', sourceId: 'tiktok:1' });
    expect(e.evidence).toEqual(['TEXT', 'HASHTAGS', 'TIME']);
    expect(e.confidence).toBeGreaterThanOrEqual(0.8);
    expect(e.confidence).toBeLessThan(1);
  });

  it('points from the later post whichever side comes first', () => {
    const s = scope({ createdAt: new Date(t0 + 10 * H) });
    expect(findTextCrossposts([s])[0]).toMatchObject({ amplifierId: 'tiktok:1', sourceId: 'x:9' });
  });

  it('leaves short stock captions, reused captions, ambiguous matches and linked pairs alone', () => {
    const short = scope({ text: 'leg day done #gym', others: [{ ...scope().others[0], text: 'leg day done #gym' }] });
    expect(findTextCrossposts([short])).toEqual([]);
    const reused = scope({ siblings: [`${caption} part 2`] });
    expect(findTextCrossposts([reused])).toEqual([]);
    const twice = scope({ others: [...scope().others, { ...scope().others[0], id: 'x:7', createdAt: new Date(t0 + 30 * H) }] });
    expect(findTextCrossposts([twice])).toEqual([]);
    const linked = scope({ others: [{ ...scope().others[0], linked: true }] });
    expect(findTextCrossposts([linked])).toEqual([]);
  });

  it('gives each post at most one cross-post even when both sides are in the batch', () => {
    const mirror: CrosspostScope = {
      id: 'x:9',
      createdAt: new Date(t0 + 2 * H),
      text: scope().others[0].text,
      hashtags: ['slovenia', 'travel'],
      others: [{ id: 'tiktok:1', createdAt: new Date(t0), text: scope().text, hashtags: ['travel', 'slovenia'], linked: false }],
      siblings: [],
    };
    expect(findTextCrossposts([scope(), mirror])).toHaveLength(1);
  });
});
