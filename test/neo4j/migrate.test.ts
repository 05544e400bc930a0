import { freshGraph } from '../support/graph';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { loadMigrations, migrate } from '../../src/neo4j/migrate';

describe('migrations', () => {
  let graph: GraphClient;
  beforeAll(async () => {
    graph = await freshGraph();
  });
  afterAll(() => graph.close());

  it('records every migration once and creates the model constraints', async () => {
    const ids = loadMigrations().map((m) => m.id);
    const rows = await graph.runText('MATCH (m:Migration) RETURN m.id AS id ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(ids);
    const constraints = await graph.runText('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
    expect(constraints[0].names).toEqual(expect.arrayContaining(['account_id', 'post_id', 'creator_id', 'hashtag_tag']));
  });

  it('applies nothing on a second run', async () => {
    expect(await migrate(graph)).toEqual([]);
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    await graph.runText("MATCH (m:Migration {id: '001_constraints'}) SET m.checksum = 'tampered'");
    await expect(migrate(graph)).rejects.toThrow(/001_constraints was changed/);
    const real = loadMigrations()[0].checksum;
    await graph.runText("MATCH (m:Migration {id: '001_constraints'}) SET m.checksum = $c", { c: real });
  });
});
