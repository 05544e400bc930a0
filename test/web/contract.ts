/**
 * Loads the GraphQL schemas pages are checked against: the public contract (the repository's copy,
 * schema/contract.graphql, when present, else the shared original; fails loudly when neither exists)
 * and the served schema (schema/schema.graphql, a superset of the contract emitted by `npm run schema`).
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

/** The schema the server serves: pages of our own (the explorer) may use fields beyond the contract. */
export function servedSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(projectRoot(), 'schema', 'schema.graphql'), 'utf8'));
}
