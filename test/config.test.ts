import { ConfigError, loadConfig } from '../src/config';

describe('loadConfig', () => {
  it('applies defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c.port).toBe(4000);
    expect(c.neo4j.uri).toBeUndefined();
    expect(c.neo4j.local.dir).toBe('.neo4j-local');
    expect(c.matching).toEqual({ weights: { bioLink: 60, handle: 30, name: 10 }, autoThreshold: 60, reviewThreshold: 30, maxBlockSize: 50 });
    expect(c.providers.tiklive.baseUrl).toBe('https://api.tikliveapi.com');
  });

  it('names every bad variable', () => {
    expect.assertions(2);
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', PROFILE_CACHE_HOURS: '48' });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).issues.map((i) => i.variable).sort()).toEqual(['NEO4J_URI', 'PORT', 'PROFILE_CACHE_HOURS']);
    }
  });

  it('accepts routing URIs for clusters and Aura, and treats empty strings as unset', () => {
    const c = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_PASSWORD: 's3cret', REDIS_URL: '' });
    expect(c.neo4j.uri).toBe('neo4j+s://abc.databases.neo4j.io');
    expect(c.redisUrl).toBeUndefined();
  });

  it('refuses a review threshold above the auto threshold', () => {
    expect(() => loadConfig({ MATCH_REVIEW_THRESHOLD: '70' })).toThrow(/MATCH_REVIEW_THRESHOLD/);
  });
});
