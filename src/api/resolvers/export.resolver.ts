/** The on-demand BI export (admin): the same run as the daily schedule. */
import { Arg, Authorized, Ctx, Field, Int, Mutation, ObjectType, Resolver, registerEnumType } from 'type-graphql';
import { exportNow } from '../../warehouse/schedule';
import type { Context } from '../context';
import { ApiError, badInput } from '../errors';

export enum ExportFormat {
  CSV = 'csv',
  PARQUET = 'parquet',
}
registerEnumType(ExportFormat, { name: 'ExportFormat' });

@ObjectType({ description: 'One export of the cross_platform_creators dimension.', simpleResolvers: true })
export class ExportRun {
  @Field(() => Int)
  rows: number;
  @Field(() => Int, { description: 'Rows of creators whose accounts are all deleted.' })
  inactiveRows: number;
  @Field(() => [String], { description: 'Files written (EXPORT_DIR).' })
  files: string[];
  @Field({ description: 'Whether the rows were upserted into the WAREHOUSE_URL database.' })
  warehouse: boolean;
  @Field(() => Int)
  inserted: number;
  @Field(() => Int)
  updated: number;
  @Field(() => Int, { description: 'Warehouse rows of creators no longer in the graph, marked inactive.' })
  retired: number;
  @Field(() => Int)
  elapsedMs: number;
}

@Resolver()
export class ExportResolver {
  @Mutation(() => ExportRun, {
    description: 'Exports cross_platform_creators now: upserted into WAREHOUSE_URL, and written as files into EXPORT_DIR in the given formats.',
  })
  @Authorized('admin')
  async runExport(
    @Ctx() ctx: Context,
    @Arg('formats', () => [ExportFormat], { nullable: true, defaultValue: [ExportFormat.CSV, ExportFormat.PARQUET] }) formats?: ExportFormat[] | null,
  ): Promise<ExportRun> {
    const { warehouseUrl, dir } = ctx.config.export;
    if (!warehouseUrl && (!dir || (formats ?? []).length === 0)) {
      throw badInput('nothing to export to: set WAREHOUSE_URL, or EXPORT_DIR and give formats', 'formats');
    }
    const s = await exportNow(ctx.graph, ctx.config, formats ?? []);
    if (!s) throw new ApiError('CONFLICT', 'an export is already running; try again when it finishes');
    return {
      rows: s.rows,
      inactiveRows: s.inactiveRows,
      files: s.files,
      warehouse: s.warehouse !== null,
      inserted: s.warehouse?.inserted ?? 0,
      updated: s.warehouse?.updated ?? 0,
      retired: s.warehouse?.retired ?? 0,
      elapsedMs: s.elapsedMs,
    };
  }
}
