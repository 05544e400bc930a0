/**
 * What the caller selected along given paths under the field being resolved, so a root resolver
 * can fetch what its children will ask for in the same statement (and prime their loaders) instead
 * of one round trip per level, and read only the columns they show. Selections count through
 * inline fragments and fragment spreads; whatever the look-ahead misses, the child resolvers still
 * load themselves, so a miss costs a round trip, never an answer.
 */
import { getArgumentValues, GraphQLObjectType, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Every field node in `set` (through fragments), or only those named `name`. */
function fieldsIn(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, name: string | null, out: FieldNode[], seen: Set<string>): void {
  if (!set) return;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (name === null || s.name.value === name) out.push(s);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      fieldsIn(info, s.selectionSet, name, out, seen);
    } else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      fieldsIn(info, info.fragments[s.name.value]?.selectionSet, name, out, seen);
    }
  }
}

/** The field nodes reached from `from` along any of `paths` (field names, level by level). */
export function fieldNodesAlong(info: GraphQLResolveInfo, from: readonly FieldNode[], paths: readonly (readonly string[])[]): FieldNode[] {
  const out: FieldNode[] = [];
  for (const path of paths) {
    let level: FieldNode[] = [...from];
    for (const name of path) {
      const next: FieldNode[] = [];
      for (const n of level) fieldsIn(info, n.selectionSet, name, next, new Set());
      level = next;
    }
    out.push(...level);
  }
  return out;
}

/** The names of the fields selected directly under `nodes`. */
export function selectedNames(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): Set<string> {
  const out: FieldNode[] = [];
  for (const n of nodes) fieldsIn(info, n.selectionSet, null, out, new Set());
  return new Set(out.map((f) => f.name.value));
}

/** The arguments (variables applied, defaults filled) of each of `nodes`, selections of `type.field`. */
export function argumentsOf(info: GraphQLResolveInfo, nodes: readonly FieldNode[], type: string, field: string): Record<string, unknown>[] {
  const owner = info.schema.getType(type);
  const def = owner instanceof GraphQLObjectType ? owner.getFields()[field] : undefined;
  return def ? nodes.map((n) => getArgumentValues(def, n, info.variableValues)) : [];
}
