import { MAX_SUGGESTIONS, searchSuggestions } from '../../../src/web/explore/suggestions';
import type { SearchData } from '../../../src/web/explore/documents';

const found: SearchData = {
  creators: { nodes: [{ id: 'cr_1', displayName: 'Ruby Bakes', accounts: [{ platform: 'TIKTOK', username: 'rubybakes' }, { platform: 'X', username: 'rubybake' }] }] },
  brands: [
    { id: 'br_rubyco', name: 'RubyCo', competitor: true },
    { id: 'br_other', name: 'Other', competitor: false },
  ],
  campaigns: [{ id: 'cp_1', name: 'Spring', hashtags: ['rubyspring'] }],
};

describe('search suggestions', () => {
  it('lists creators first, then hashtags, brands and campaigns whose names or tags match', () => {
    const s = searchSuggestions('ruby', found, ['rubyday', 'food']);
    expect(s.map((x) => x.id)).toEqual(['cr_1', 'hashtag:rubyday', 'br_rubyco', 'cp_1']);
    expect(s[0].detail).toBe('TikTok @rubybakes · X @rubybake');
  });

  it('puts hashtags first for "#…" and offers the typed tag when it is not a known one', () => {
    const s = searchSuggestions('#Ruby', found, ['rubyday']);
    expect(s.slice(0, 2).map((x) => x.id)).toEqual(['hashtag:ruby', 'hashtag:rubyday']);
    expect(searchSuggestions('#rubyday', found, ['rubyday']).filter((x) => x.id === 'hashtag:rubyday')).toHaveLength(1);
    expect(searchSuggestions('#two words', found, []).some((x) => x.kind === 'HASHTAG')).toBe(false);
  });

  it('returns nothing for blank text and caps the list', () => {
    expect(searchSuggestions('  ', found, [])).toEqual([]);
    const many: SearchData = { ...found, creators: { nodes: Array.from({ length: 30 }, (_, i) => ({ id: `cr_${i}`, displayName: `Ruby ${i}`, accounts: [] })) } };
    expect(searchSuggestions('ruby', many, [])).toHaveLength(MAX_SUGGESTIONS);
  });
});
