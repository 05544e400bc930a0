import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';

/** Relay's Node. Rows carry __typename, set by the resolvers that produce them. */
@InterfaceType({ resolveType: (value: { __typename?: string }) => value.__typename })
export abstract class Node {
  @Field(() => ID)
  id: string;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field()
  hasNextPage: boolean;
  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType({ simpleResolvers: true })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, if any.' })
  field?: string[] | null;
  @Field()
  message: string;
  @Field({ description: 'Machine-readable code, e.g. NOT_FOUND, INVALID_HANDLE, ALREADY_TRACKED.' })
  code: string;
}
