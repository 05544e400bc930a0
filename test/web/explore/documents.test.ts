/**
 * Every document the explorer sends is valid against the served schema (the explorer is our own page,
 * so it may use fields the served schema adds to the public contract, such as GraphEdge.kind).
 */
import { parse, validate } from 'graphql';
import { ALL_DOCUMENTS } from '../../../src/web/explore/documents';
import { servedSchema } from '../contract';

describe('explorer documents', () => {
  const schema = servedSchema();
  it.each(ALL_DOCUMENTS.map((d) => [d.match(/(query|subscription) (\w+)/)![2], d] as const))('%s is valid against the served schema', (_name, doc) => {
    expect(validate(schema, parse(doc)).map((e) => e.message)).toEqual([]);
  });
});
