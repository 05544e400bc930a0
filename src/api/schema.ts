/**
 * Builds the executable schema from the type-graphql classes. The same function feeds the server
 * and the SDL in schema/schema.graphql (printed sorted, so diffs stay readable).
 */
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { buildSchema, type MiddlewareFn } from 'type-graphql';
import { annotatedRootFields, authChecker, rootFieldDefaults } from './auth/access';
import { freshLoaders, type Context } from './context';
import { deadlineGuard, type ResolverCheck } from './limits/deadline';
import './types/enums';
import type { PubSub } from './pubsub';
import { AccountResolver } from './resolvers/account.resolver';
import { AmplificationChainResolver } from './resolvers/chains.resolver';
import { AttributionResolver, PlatformFirstSeenResolver } from './resolvers/attribution.resolver';
import { CreatorResolver } from './resolvers/creator.resolver';
import { LineageResolver } from './resolvers/lineage.resolver';
import { IngestionResolver } from './resolvers/ingestion.resolver';
import { MatchEventResolver, MatchResolver } from './resolvers/match.resolver';
import { MatchingResolver } from './resolvers/matching.resolver';
import { NodeResolver } from './resolvers/node.resolver';
import { BrandResolver } from './resolvers/brand.resolver';
import { CampaignResolver } from './resolvers/campaign.resolver';
import { GraphViewResolver } from './resolvers/graph.resolver';
import { PlanningResolver } from './resolvers/planning.resolver';
import { ExportResolver } from './resolvers/export.resolver';
import { AmplificationResolver, PostResolver } from './resolvers/post.resolver';
import { AmplificationSubscriptionResolver, MatchSubscriptionResolver } from './resolvers/subscription.resolver';
import { TrendQueryResolver, TrendSubscriptionResolver } from './resolvers/trend.resolver';

export const resolvers = [
  NodeResolver,
  CreatorResolver,
  AccountResolver,
  MatchResolver,
  MatchEventResolver,
  MatchingResolver,
  PostResolver,
  AmplificationResolver,
  AmplificationChainResolver,
  AttributionResolver,
  PlatformFirstSeenResolver,
  MatchSubscriptionResolver,
  AmplificationSubscriptionResolver,
  LineageResolver,
  IngestionResolver,
  TrendQueryResolver,
  TrendSubscriptionResolver,
  BrandResolver,
  CampaignResolver,
  GraphViewResolver,
  PlanningResolver,
  ExportResolver,
] as const;

/**
 * The checks every resolver passes (root-field roles, the deadline, a subscription event's fresh
 * loaders) as ONE middleware: type-graphql runs each middleware as its own async step, so three
 * middlewares cost three promise chains per resolver. Plain data fields have no resolver at all
 * (every @ObjectType is `simpleResolvers`); only root fields and @FieldResolver methods, which
 * read the graph, pass here.
 */
export function resolverGuards(checks: ResolverCheck[]): MiddlewareFn<Context> {
  return (data, next) => {
    for (const check of checks) check(data);
    return next();
  };
}

export async function buildApiSchema(pubSub: PubSub): Promise<GraphQLSchema> {
  let annotated = new Set<string>();
  const schema = await buildSchema({
    resolvers: [...resolvers],
    pubSub,
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    validate: false,
    emitSchemaFile: false,
    authChecker,
    authMode: 'error',
    globalMiddlewares: [resolverGuards([rootFieldDefaults(() => annotated), deadlineGuard, freshLoaders])],
  });
  annotated = annotatedRootFields();
  return schema;
}

export function printSdl(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
