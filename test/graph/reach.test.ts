import { combinedReach } from '../../src/graph/reach';

describe('combinedReach', () => {
  it('uses the 15-25% overlap band for the same username', () => {
    const r = combinedReach([
      { platform: 'TIKTOK', followers: 800_000, usernameLower: 'amy' },
      { platform: 'X', followers: 400_000, usernameLower: 'amy' },
    ]);
    expect(r).toMatchObject({ naive: 1_200_000, low: 1_100_000, high: 1_140_000, basis: 'SAME_USERNAME', overlapPctLow: 15, overlapPctHigh: 25 });
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
    expect(r).toMatchObject({ naive: 5000, low: 5000, high: 5000, basis: 'SINGLE_PLATFORM' });
  });

});
