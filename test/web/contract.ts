/**
 * Loads the public GraphQL contract for tests: the repository's copy (schema/contract.graphql)
 * when present, else the shared original. Fails loudly when neither exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { projectRoot } from '../../src/paths';

export function contractSchema(): GraphQLSchema {
  const candidates = [join(projectRoot(), 'schema', 'contract.graphql'), '/work/shared/api-contract.graphql'];
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new Error(`no GraphQL contract found (looked in ${candidates.join(', ')})`);
  return buildSchema(readFileSync(file, 'utf8'));
}
