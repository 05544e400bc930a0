/** Every document the explorer sends is valid against the public contract. */
import { parse, validate } from 'graphql';
import { ALL_DOCUMENTS } from '../../../src/web/explore/documents';
import { contractSchema } from '../contract';

describe('explorer documents', () => {
  const schema = contractSchema();
  it.each(ALL_DOCUMENTS.map((d) => [d.match(/(query|subscription) (\w+)/)![2], d] as const))('%s is valid against the contract', (_name, doc) => {
    expect(validate(schema, parse(doc)).map((e) => e.message)).toEqual([]);
  });
});
