/**
 * Brands as stored: `(:Brand {id, name, competitor})-[:OWNS]->(:Account)`. A brand's id comes from
 * its name ("br_" + slug), so creating the same brand twice (the demo world at every start, a user
 * repeating a mutation) updates one node instead of minting a second.
 */
import type { GraphClient } from '../neo4j/graph-client';
import { byKey } from './read';
import type { AccountRow } from './rows';

export interface BrandRow {
  id: string;
  name: string;
  competitor: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export function brandId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `br_${slug || 'brand'}`;
}

export async function upsertBrand(
  g: GraphClient,
  input: { name: string; competitor: boolean; accountIds: string[] },
): Promise<BrandRow> {
  const [row] = await g.write<{ brand: BrandRow }>('brands/upsert-brand', {
    id: brandId(input.name),
    name: input.name,
    competitor: input.competitor,
    accountIds: input.accountIds,
  });
  return row.brand;
}

export async function listBrands(g: GraphClient, competitor: boolean | null): Promise<BrandRow[]> {
  return (await g.read<{ brand: BrandRow }>('brands/brand-list', { competitor })).map((r) => r.brand);
}

export async function brandsByIds(g: GraphClient, ids: readonly string[]): Promise<(BrandRow | null)[]> {
  const rows = await g.read<{ brand: BrandRow }>('brands/brands-by-ids', { ids });
  return byKey(ids, rows.map((r) => ({ key: r.brand.id, value: r.brand as BrandRow | null })), null);
}

export async function accountsByBrands(g: GraphClient, ids: readonly string[]): Promise<AccountRow[][]> {
  const rows = await g.read<{ id: string; accounts: AccountRow[] }>('brands/accounts-by-brands', { ids });
  return byKey(ids, rows.map((r) => ({ key: r.id, value: r.accounts })), []);
}
