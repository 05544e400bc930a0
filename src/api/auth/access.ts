/**
 * Wires the role rules into type-graphql. Fields marked `@Authorized('reviewer')` etc. are checked
 * by `authChecker`; every other root field gets the default below from `rootFieldDefaults`:
 * queries and subscriptions need any key (viewer), and a mutation nobody annotated needs admin, so
 * a forgotten annotation fails closed. Both end in `authorize` (roles.ts).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { getMetadataStorage, type AuthChecker } from 'type-graphql';
import type { Role } from '../../config';
import type { Context } from '../context';
import type { ResolverCheck } from '../limits/deadline';
import { authorize, isRole } from './roles';

const what = (info: GraphQLResolveInfo) => `${info.parentType.name}.${info.fieldName}`;

export const authChecker: AuthChecker<Context, Role> = ({ context, info }, roles) => {
  authorize(context.principal, roles.filter(isRole), what(info));
  return true;
};

/** Root fields that carry their own @Authorized roles, read from type-graphql's metadata after the build. */
export function annotatedRootFields(): Set<string> {
  const md = getMetadataStorage();
  const out = new Set<string>();
  for (const [type, defs] of [['Query', md.queries], ['Mutation', md.mutations], ['Subscription', md.subscriptions]] as const) {
    for (const d of defs) if (d.roles) out.add(`${type}.${d.schemaName}`);
  }
  return out;
}

export function rootFieldDefaults(annotated: () => Set<string>): ResolverCheck {
  return ({ context, info }) => {
    if (info.path.prev === undefined && !annotated().has(what(info))) {
      authorize(context.principal, [info.parentType.name === 'Mutation' ? 'admin' : 'viewer'], what(info));
    }
  };
}
