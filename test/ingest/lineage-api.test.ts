/**
 * Query.lineage through the real schema: the rows the normalisers' rules produce, with the
 * contract's fields and the wire field on top.
 */
import { graphql } from 'graphql';
import { lineage } from '../../src/ingest/lineage';
import { createPubSubHandle } from '../../src/api/pubsub';
import { buildApiSchema } from '../../src/api/schema';

describe('Query.lineage', () => {
  it('lists every graph property with platform, provider, endpoint and wire field', async () => {
    const pubsub = createPubSubHandle();
    try {
      const schema = await buildApiSchema(pubsub.pubSub);
      const res = await graphql({ schema, source: '{ lineage { field platform provider endpoint wireField } }', contextValue: { principal: { name: 'lineage-test', role: 'viewer', via: 'key' } } });
      expect(res.errors).toBeUndefined();
      const rows = (res.data as { lineage: { field: string; platform: string; provider: string; endpoint: string; wireField: string }[] }).lineage;
      expect(rows).toEqual(lineage());
      const fields = new Set(rows.map((r) => r.field));
      for (const f of ['Account.followers', 'Account.bioLink', 'Post.createdAt', 'Post.likes', 'Hashtag.tag', 'AMPLIFIED.kind', 'Account.active', 'Post.removed']) {
        expect(fields.has(f)).toBe(true);
      }
      expect(rows).toContainEqual({
        field: 'Account.bioLink',
        platform: 'TIKTOK',
        provider: 'tikliveapi',
        endpoint: '/userinfo-by-id/',
        wireField: 'user.bioLink.link',
      });
    } finally {
      await pubsub.close();
    }
  });
});
