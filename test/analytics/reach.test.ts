import { bandLabel, combinedReach, formatCount } from '../../src/analytics/reach';

describe('combinedReach', () => {
  it('uses the 15-25% overlap band for the same username', () => {
    const r = combinedReach([
      { platform: 'TIKTOK', followers: 800_000, usernameLower: 'amy' },
      { platform: 'X', followers: 400_000, usernameLower: 'amy' },
    ]);
    expect(r).toMatchObject({ naive: 1_200_000, low: 1_100_000, high: 1_140_000, basis: 'SAME_USERNAME', overlapPctLow: 15, overlapPctHigh: 25 });
    expect(r.label).toBe('1.1M to 1.14M');
  });

  it('uses 5-10% for a bio-link match with different usernames', () => {
    const r = combinedReach(
      [
        { platform: 'TIKTOK', followers: 100_000, usernameLower: 'amy.glow' },
        { platform: 'X', followers: 20_000, usernameLower: 'amyglowx' },
      ],
      ['BIOLINK_EXACT'],
    );
    expect(r).toMatchObject({ naive: 120_000, low: 118_000, high: 119_000, basis: 'BIOLINK_MATCH' });
  });

  it('is exact for one platform and ignores inactive accounts', () => {
    const r = combinedReach([
      { platform: 'TIKTOK', followers: 5000, usernameLower: 'a' },
      { platform: 'X', followers: 9000, usernameLower: 'a', active: false },
    ]);
    expect(r).toMatchObject({ naive: 5000, low: 5000, high: 5000, basis: 'SINGLE_PLATFORM', label: '5K' });
  });

  it('formats counts compactly', () => {
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1250)).toBe('1.3K');
    expect(formatCount(10_000)).toBe('10K');
    expect(formatCount(2_000_000)).toBe('2M');
    expect(bandLabel(1_790_000, 1_830_000)).toBe('1.79M to 1.83M');
  });
});
