import { buildSchema, findBreakingChanges, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPubSubHandle } from '../../src/api/pubsub';
import { buildApiSchema, printSdl } from '../../src/api/schema';

const root = join(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

describe('schema files', () => {
  it('schema/schema.graphql is what the code emits (run `npm run schema` when this fails)', async () => {
    const sdl = printSdl(await buildApiSchema(createPubSubHandle().pubSub));
    expect(read('schema/schema.graphql')).toBe(sdl);
  });

  it('the served schema is a compatible superset of the public contract', () => {
    const contract = buildSchema(read('schema/contract.graphql'));
    const served = buildSchema(read('schema/schema.graphql'));
    expect(findBreakingChanges(contract, served)).toEqual([]);
  });

  it('schema/contract.graphql is the shared contract, when the shared folder is beside the repo', () => {
    const shared = join(root, '..', 'shared', 'api-contract.graphql');
    if (!existsSync(shared)) return;
    expect(read('schema/contract.graphql')).toBe(readFileSync(shared, 'utf8'));
  });

  it('plain data fields have no resolver of their own: only root fields and @FieldResolver methods pay for the guards', async () => {
    const schema = await buildApiSchema(createPubSubHandle().pubSub);
    const md = getMetadataStorage();
    const typeName = new Map(md.objectTypes.map((t) => [t.target, t.name]));
    const fieldResolvers = new Set(md.fieldResolvers.map((f) => `${typeName.get(f.getObjectType?.() as never)}.${f.schemaName}`));
    const roots = new Set(['Query', 'Mutation', 'Subscription']);
    const wrapped: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || roots.has(type.name) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.resolve && !fieldResolvers.has(`${type.name}.${field.name}`)) wrapped.push(`${type.name}.${field.name}`);
      }
    }
    // A type without `simpleResolvers: true` runs the middlewares (a promise chain) for every field of every object.
    expect(wrapped).toEqual([]);
    expect(fieldResolvers.has('Creator.accounts')).toBe(true);
  });
});
