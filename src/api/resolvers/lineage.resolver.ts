/**
 * Query.lineage: every graph property with the platform, provider, endpoint and wire field it is
 * read from. The rows come from the rules the normalisers execute (src/ingest/lineage.ts), so the
 * listing cannot drift from the code. `wireField` goes beyond the contract's LineageEntry.
 */
import { FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { lineage, type LineageRow } from '../../ingest/lineage';
import { LineageEntry } from '../types/planning.type';

@Resolver(() => LineageEntry)
export class LineageResolver {
  @Query(() => [LineageEntry], {
    description: 'Where every graph property comes from: platform, provider, endpoint and wire field.',
  })
  lineage(): LineageRow[] {
    return lineage();
  }

  @FieldResolver(() => String, { description: "The wire field(s) the value is read from, in the provider's naming." })
  wireField(@Root() row: LineageRow): string {
    return row.wireField;
  }
}
