/**
 * What the caller selected DIRECTLY under the field being resolved (selects.ts looks at any depth
 * below the first level, for lists whose items are one level down), so a root resolver can fetch what its
 * children will ask for in the same statement (and prime their loaders) instead of one round trip
 * per level. Only the direct selection counts, through inline fragments and fragment spreads;
 * whatever it misses, the child resolvers still load themselves, so a miss costs a round trip,
 * never an answer.
 */
import { getArgumentValues, GraphQLObjectType, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

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

function fieldsNamed(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, name: string, out: FieldNode[], seen: Set<string>): void {
  if (!set) return;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (s.name.value === name) out.push(s);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      fieldsNamed(info, s.selectionSet, name, out, seen);
    } else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      fieldsNamed(info, info.fragments[s.name.value]?.selectionSet, name, out, seen);
    }
  }
}

/**
 * The arguments (variables applied, defaults filled) of every selection of `type.field` reached
 * from the current field along one of `paths` (field names, the last one `field`), e.g. a creators
 * page's `nodes > accounts > posts`. Empty when nothing on those paths selects it.
 */
export function argumentsAlong(info: GraphQLResolveInfo, paths: readonly (readonly string[])[], type: string, field: string): Record<string, unknown>[] {
  const owner = info.schema.getType(type);
  const def = owner instanceof GraphQLObjectType ? owner.getFields()[field] : undefined;
  if (!def) return [];
  const out: Record<string, unknown>[] = [];
  for (const path of paths) {
    let level: FieldNode[] = [...info.fieldNodes];
    for (const name of path) {
      const next: FieldNode[] = [];
      for (const n of level) fieldsNamed(info, n.selectionSet, name, next, new Set());
      level = next;
    }
    for (const n of level) out.push(getArgumentValues(def, n, info.variableValues));
  }
  return out;
}
