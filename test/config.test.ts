import { ConfigError, loadConfig } from '../src/config';

describe('loadConfig', () => {
  it('applies defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c.port).toBe(4000);
    expect(c.neo4j.uri).toBeUndefined();
    expect(c.neo4j.local.dir).toBe('.neo4j-local');
    expect(c.matching).toEqual({
      model: 'probabilistic',
      autoProbability: 0.97,
      reviewProbability: 0.25,
      conflictMarginBits: 6,
      weights: { bioLink: 60, handle: 30, name: 10 },
      autoThreshold: 60,
      reviewThreshold: 30,
      maxBlockSize: 50,
    });
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

  it('reads the conflict margin (log2 odds) and refuses a negative one', () => {
    expect(loadConfig({ MATCH_CONFLICT_MARGIN_BITS: '3.5' }).matching.conflictMarginBits).toBe(3.5);
    expect(() => loadConfig({ MATCH_CONFLICT_MARGIN_BITS: '-1' })).toThrow(/MATCH_CONFLICT_MARGIN_BITS/);
  });

  it('refuses a review threshold above the auto threshold', () => {
    expect(() => loadConfig({ MATCH_REVIEW_THRESHOLD: '70' })).toThrow(/MATCH_REVIEW_THRESHOLD/);
  });
});

describe('API keys and limits in the config', () => {
  it('parses role:key and role:name:key, keeping only hashes', () => {
    const c = loadConfig({ API_KEYS: 'admin:aaaaaaaaaaaaaaaaaaaa, reviewer:rita@agency.test:bbbbbbbbbbbbbbbbbbbb' });
    expect(c.auth.keys.map((k) => [k.role, k.name, k.hash.length])).toEqual([
      ['admin', 'admin', 32],
      ['reviewer', 'rita@agency.test', 32],
    ]);
    expect(JSON.stringify(c)).not.toContain('aaaaaaaaaaaaaaaaaaaa');
  });

  it('refuses unknown roles and short keys without echoing the key', () => {
    expect(() => loadConfig({ API_KEYS: 'root:aaaaaaaaaaaaaaaaaaaa' })).toThrow(/API_KEYS: entry 1: role must be one of viewer, reviewer, admin/);
    try {
      loadConfig({ API_KEYS: 'admin:short-secret' });
      throw new Error('accepted');
    } catch (e) {
      expect((e as Error).message).toMatch(/at least 16 characters/);
      expect((e as Error).message).not.toContain('short-secret');
    }
  });

  it('refuses production without keys and production with DEV_ERRORS; turns introspection and the playground off there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/API_KEYS: required when NODE_ENV=production/);
    expect(() => loadConfig({ NODE_ENV: 'production', API_KEYS: 'admin:aaaaaaaaaaaaaaaaaaaa', DEV_ERRORS: 'true' })).toThrow(/DEV_ERRORS/);
    const prod = loadConfig({ NODE_ENV: 'production', API_KEYS: 'admin:aaaaaaaaaaaaaaaaaaaa' });
    expect([prod.api.introspection, prod.api.playground]).toEqual([false, false]);
    const dev = loadConfig({});
    expect([dev.api.introspection, dev.api.playground, dev.api.devErrors]).toEqual([true, true, false]);
  });
});
