/**
 * One length limit for every string argument (GRAPHQL_MAX_STRING_LENGTH), inline or in variables,
 * checked before execution: a 900,000-character review note is refused, not stored.
 */
import { Kind, visit, type DocumentNode } from 'graphql';
import { badInput } from '../errors';

function longestIn(value: unknown, depth = 0): number {
  if (typeof value === 'string') return value.length;
  if (depth > 50 || value === null || typeof value !== 'object') return 0;
  let max = 0;
  for (const v of Array.isArray(value) ? value : Object.values(value)) max = Math.max(max, longestIn(v, depth + 1));
  return max;
}

export function checkStringLengths(document: DocumentNode, variables: Record<string, unknown> | undefined, max: number) {
  let longest = longestIn(variables ?? {});
  visit(document, {
    [Kind.STRING](node) {
      longest = Math.max(longest, node.value.length);
    },
  });
  return longest > max ? badInput(`a string argument is ${longest} characters long; the limit is ${max}`) : null;
}
