/**
 * Whether a field's selection asks, at any depth, for one of the named fields: lets a list read
 * what its page will need in the same statement (the creators page and its accounts) and skip it
 * when nobody asked. Fragments are followed; directives are not evaluated (asking for a field under
 * @include(if: false) only costs an unused read).
 */
import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

export function selects(info: GraphQLResolveInfo | undefined, names: readonly string[]): boolean {
  if (!info) return false;
  const wanted = new Set(names);
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined, depth: number): boolean => {
    if (!set || depth > 8) return false;
    for (const s of set.selections) {
      if (s.kind === 'Field') {
        if (depth > 0 && wanted.has(s.name.value)) return true;
        if (walk(s.selectionSet, depth + 1)) return true;
      } else if (s.kind === 'InlineFragment') {
        if (walk(s.selectionSet, depth)) return true;
      } else {
        const name = s.name.value;
        if (seen.has(name)) continue;
        seen.add(name);
        const frag: FragmentDefinitionNode | undefined = info.fragments[name];
        if (frag && walk(frag.selectionSet, depth)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((n) => walk(n.selectionSet, 0));
}
