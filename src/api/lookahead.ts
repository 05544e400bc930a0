/**
 * What the caller selected DIRECTLY under the field being resolved (selects.ts looks at any depth
 * below the first level, for lists whose items are one level down), so a root resolver can fetch what its
 * children will ask for in the same statement (and prime their loaders) instead of one round trip
 * per level. Only the direct selection counts, through inline fragments and fragment spreads;
 * whatever it misses, the child resolvers still load themselves, so a miss costs a round trip,
 * never an answer.
 */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function selectsIn(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, names: ReadonlySet<string>, seen: Set<string>): boolean {
  if (!set) return false;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (names.has(s.name.value)) return true;
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      if (selectsIn(info, s.selectionSet, names, seen)) return true;
    } else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      if (selectsIn(info, info.fragments[s.name.value]?.selectionSet, names, seen)) return true;
    }
  }
  return false;
}

/** True when any of `names` is selected directly under the current field. */
export function selectsDirectly(info: GraphQLResolveInfo, names: ReadonlySet<string>): boolean {
  return info.fieldNodes.some((n) => selectsIn(info, n.selectionSet, names, new Set()));
}
