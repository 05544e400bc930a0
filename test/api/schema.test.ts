import { buildSchema, findBreakingChanges } from 'graphql';
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
});
