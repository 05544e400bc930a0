/**
 * The write path's invariants under concurrent writers: several transactions at once write the
 * same accounts and the same AUTO matches (each then merging the pair's creators), as two lane
 * jobs and their incremental matching do. Afterwards every account has exactly one creator, each
 * pair one MATCHED_TO, and no relationship exists twice. Several rounds, because a race does not
 * show on every run.
 */
import type { AccountRecord } from '../../src/graph/model';
import { checkInvariants } from '../../src/graph/invariants';
import { writeAccounts } from '../../src/graph/accounts';
import { nullBus } from '../../src/matching/events';
import { syncCreators } from '../../src/graph/creators';
import { writeMatches, type MatchRecord } from '../../src/matching/write';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { clearGraph, freshGraph } from '../support/graph';

const PAIRS = 12;
const WRITERS = 6;
const ROUNDS = 5;
const fetchedAt = '2026-11-20T10:00:00.000Z';

function world(): { accounts: AccountRecord[]; matches: MatchRecord[] } {
  const accounts: AccountRecord[] = [];
  const matches: MatchRecord[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const username = `creator${String.fromCharCode(97 + i)}`;
    accounts.push({ platform: 'TIKTOK', platformUserId: `7${i}`, username, displayName: username, followers: 1000 + i, fetchedAt });
    accounts.push({ platform: 'X', platformUserId: `9${i}`, username, displayName: username, followers: 500 + i, fetchedAt });
    matches.push({ tiktokAccountId: `tiktok:7${i}`, xAccountId: `x:9${i}`, score: 90, reasons: ['HANDLE_EXACT'], evidence: [], status: 'AUTO' });
  }
  return { accounts, matches };
}

describe('write path invariants under concurrent writers', () => {
  let graph: GraphClient;
  beforeAll(async () => {
    graph = await freshGraph();
  });
  afterAll(() => graph.close());

  it('keeps one creator per account, one MATCHED_TO per pair and no duplicate relationship', async () => {
    const { accounts, matches } = world();
    for (let round = 0; round < ROUNDS; round++) {
      await clearGraph(graph);
      // Each writer does what a lane job and its incremental matching do: write the accounts,
      // then the pairs as new (nothing stored for them yet), merging each pair's creators.
      await Promise.all(
        Array.from({ length: WRITERS }, async () => {
          await writeAccounts(graph, accounts);
          await writeMatches(graph, nullBus, matches, fetchedAt, [], { stored: new Map() });
        }),
      );
      const report = await checkInvariants(graph);
      expect({ round, ...report }).toEqual({ round, accountsWithoutOneCreator: [], duplicateRelationships: [] });
      const [row] = await graph.runText(
        'MATCH (c:Creator) RETURN count(c) AS creators, COUNT { ()-[:MATCHED_TO]->() } AS matches, COUNT { ()-[:HAS_ACCOUNT]->() } AS links',
      );
      expect(row).toEqual({ creators: PAIRS, matches: PAIRS, links: PAIRS * 2 });
    }
  });

  it('merges and splits the same creators from concurrent transactions without a second edge or a second creator', async () => {
    const { accounts, matches } = world();
    const pairs = matches.map((m) => ({ tiktokId: m.tiktokAccountId, xId: m.xAccountId }));
    const change = (previousStatus: 'AUTO' | null, status: 'AUTO' | 'PENDING') =>
      pairs.map((pair) => ({ row: { id: `match:${pair.tiktokId}~${pair.xId}`, previousStatus, previousScore: null, status, score: 90 }, pair }));
    const creators = async () => (await graph.runText('MATCH (c:Creator) RETURN count(c) AS n'))[0].n;
    for (let round = 0; round < ROUNDS; round++) {
      await clearGraph(graph);
      await writeAccounts(graph, accounts);
      // Every writer saw the pairs become AUTO (as two incremental runs scoring the same pair do).
      await Promise.all(Array.from({ length: WRITERS }, () => syncCreators(graph, change(null, 'AUTO'))));
      expect({ round, ...(await checkInvariants(graph)) }).toEqual({ round, accountsWithoutOneCreator: [], duplicateRelationships: [] });
      expect(await creators()).toBe(PAIRS);
      // And every writer saw them fall back to review.
      await Promise.all(Array.from({ length: WRITERS }, () => syncCreators(graph, change('AUTO', 'PENDING'))));
      expect({ round, ...(await checkInvariants(graph)) }).toEqual({ round, accountsWithoutOneCreator: [], duplicateRelationships: [] });
      expect(await creators()).toBe(PAIRS * 2);
    }
  });
});
