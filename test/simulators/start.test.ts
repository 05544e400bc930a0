import { DEFAULT_TIKLIVE_KEY, DEFAULT_X_TOKEN, startSimulators } from '../../src/simulators/start';
import { generateWorld } from '../../src/simulators/world';

describe('startSimulators', () => {
  it('starts both servers over one world and renders quirky records, truncating a body only once', async () => {
    const world = generateWorld({ seed: 5, creators: 200, days: 5, malformedRate: 0.3 });
    const sims = await startSimulators(world);
    try {
      const quirky = world.tiktok.accounts.find((a) => a.quirk === 'truncated' && a.deletedAt === null)!;
      const url = `${sims.tiklive.url}/userinfo-by-id/?userid=${quirky.id}`;
      const first = await (await fetch(url, { headers: { 'X-Api-Key': DEFAULT_TIKLIVE_KEY } })).text();
      expect(() => JSON.parse(first)).toThrow();
      const retry = JSON.parse(await (await fetch(url, { headers: { 'X-Api-Key': DEFAULT_TIKLIVE_KEY } })).text());
      expect(retry.user.id).toBe(quirky.id);

      const strCounts = world.tiktok.accounts.find((a) => a.quirk === 'stringCounts' && a.deletedAt === null)!;
      const s = (await (await fetch(`${sims.tiklive.url}/userinfo-by-id/?userid=${strCounts.id}`, { headers: { 'X-Api-Key': DEFAULT_TIKLIVE_KEY } })).json()) as { stats: { followerCount: unknown } };
      expect(typeof s.stats.followerCount).toBe('string');
      expect(Number(s.stats.followerCount)).toBeGreaterThan(0);

      const xUser = world.x.accounts.find((a) => a.deletedAt === null)!;
      const x = await fetch(`${sims.x.url}/2/users/${xUser.id}`, { headers: { Authorization: `Bearer ${DEFAULT_X_TOKEN}` } });
      expect(x.status).toBe(200);
      expect(sims.x.stats.requests).toBe(1);
      expect(sims.tiklive.stats.requests).toBe(3);
    } finally {
      await sims.close();
    }
  });
});
