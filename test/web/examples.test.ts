import { Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { PLAYGROUND_EXAMPLES } from '../../src/web/examples';
import {
  APPROVE_MUTATION,
  MATCH_CHANGED_SUBSCRIPTION,
  REJECT_MUTATION,
  REVIEW_QUEUE_QUERY,
} from '../../src/web/review/documents';
import { contractSchema } from './contract';

const schema = contractSchema();

function errorsOf(document: string): string[] {
  return validate(schema, parse(document)).map((e) => e.message);
}

function operations(document: string): OperationDefinitionNode[] {
  return parse(document).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

describe('playground examples', () => {
  it.each(PLAYGROUND_EXAMPLES.map((e) => [e.title, e] as const))('%s is valid against the contract', (_title, example) => {
    expect(errorsOf(example.query)).toEqual([]);
    expect(operations(example.query)).toHaveLength(1);
    if (example.variables !== undefined) {
      const vars = JSON.parse(example.variables) as Record<string, unknown>;
      const declared = operations(example.query)[0].variableDefinitions?.map((v) => v.variable.name.value) ?? [];
      expect(declared).toEqual(expect.arrayContaining(Object.keys(vars)));
    }
  });

  it('covers reach, amplification chains, the review queue and a matchChanged subscription', () => {
    const roots = PLAYGROUND_EXAMPLES.map((e) => {
      const op = operations(e.query)[0];
      const field = op.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
      return `${op.operation}:${field?.kind === Kind.FIELD ? field.name.value : ''}`;
    });
    expect(roots).toEqual(['query:creators', 'query:amplificationChains', 'query:reviewQueue', 'subscription:matchChanged']);
    expect(PLAYGROUND_EXAMPLES[0].query).toContain('combinedReach');
  });

  it('would catch a document that does not fit the contract', () => {
    expect(errorsOf('{ creators { nodes { followerCount } } }')).toEqual([
      'Cannot query field "followerCount" on type "Creator".',
    ]);
  });
});

describe('review desk documents', () => {
  it.each([
    ['reviewQueue', REVIEW_QUEUE_QUERY],
    ['approveMatch', APPROVE_MUTATION],
    ['rejectMatch', REJECT_MUTATION],
    ['matchChanged', MATCH_CHANGED_SUBSCRIPTION],
  ])('%s is valid against the contract', (_name, document) => {
    expect(errorsOf(document)).toEqual([]);
    expect(operations(document)).toHaveLength(1);
  });
});
