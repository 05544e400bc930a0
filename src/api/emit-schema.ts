/** `npm run schema`: writes schema/schema.graphql from the code. A test fails when it is stale. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths';
import { createPubSubHandle } from './pubsub';
import { buildApiSchema, printSdl } from './schema';

async function main() {
  const schema = await buildApiSchema(createPubSubHandle().pubSub);
  const file = join(projectRoot(), 'schema', 'schema.graphql');
  writeFileSync(file, printSdl(schema));
  console.log(`wrote ${file}`);
}

void main();
