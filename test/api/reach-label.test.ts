import { bandLabel, formatCount, labelledReach } from '../../src/api/reach-label';

describe('labelledReach', () => {
  it('labels the same-username band', () => {
    const r = labelledReach([
      { platform: 'TIKTOK', followers: 800_000, usernameLower: 'amy' },
      { platform: 'X', followers: 400_000, usernameLower: 'amy' },
    ]);
    expect(r).toMatchObject({ low: 1_100_000, high: 1_140_000, basis: 'SAME_USERNAME' });
    expect(r.label).toBe('1.1M to 1.14M');
  });

  it('labels an exact one-platform reach with one number', () => {
    const r = labelledReach([
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
