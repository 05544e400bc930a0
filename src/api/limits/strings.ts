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

/** The longest inline string of each document: Apollo hands the same parsed document for the same query text. */
const inline = new WeakMap<DocumentNode, number>();

function longestInline(document: DocumentNode): number {
  let longest = inline.get(document);
  if (longest === undefined) {
    let found = 0;
    visit(document, {
      [Kind.STRING](node) {
        found = Math.max(found, node.value.length);
      },
    });
    inline.set(document, (longest = found));
  }
  return longest;
}

export function checkStringLengths(document: DocumentNode, variables: Record<string, unknown> | undefined, max: number) {
  const longest = Math.max(longestInline(document), longestIn(variables ?? {}));
  return longest > max ? badInput(`a string argument is ${longest} characters long; the limit is ${max}`) : null;
}
