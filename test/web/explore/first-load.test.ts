import type { Client } from 'graphql-ws';
import { GraphQLRequestError } from '../../../src/web/graphql-http';
import { createExplorerApi } from '../../../src/web/explore/explorer-api';
import { firstLoadKey, withFirstLoad } from '../../../src/web/explore/first-load';
import { EMPTY_STATE, parseState } from '../../../src/web/explore/url-state';

/** The explorer's API over a fetch that records each GraphQL request and answers from `reply`. */
function recordingApi(reply: (vars: Record<string, unknown>) => { status?: number; body: unknown }) {
  const sent: { operation: string; variables: Record<string, unknown> }[] = [];
  const fetchImpl = (async (_url: string, init: { body: string }) => {
    const { query, variables } = JSON.parse(init.body) as { query: string; variables: Record<string, unknown> };
    sent.push({ operation: /query (\w+)/.exec(query)?.[1] ?? '?', variables });
    const r = reply(variables);
    return new Response(JSON.stringify(r.body), { status: r.status ?? 200, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  const api = createExplorerApi({ graphqlUrl: 'http://api.test/graphql', headers: () => ({}), wsClient: () => ({}) as Client, fetchImpl });
  return { api, sent };
}

const graphOf = (id: string) => ({ nodes: [{ id, kind: 'CREATOR', label: id, platform: null, weight: null }], edges: [] });

describe('explorer first load', () => {
  it('sends the URL’s neighbourhood request at once and hands it to the page’s first matching call', async () => {
    const { api, sent } = recordingApi((v) => ({ body: { data: { neighborhood: graphOf(String(v.id)) } } }));
    const wrapped = withFirstLoad(api, parseState('?node=cr_ana&depth=2&limit=300'));
    // In flight before the page asked for anything.
    expect(sent).toEqual([{ operation: 'ExploreNeighborhood', variables: { id: 'cr_ana', depth: 2, limit: 300 } }]);
    expect((await wrapped.neighborhood('cr_ana', 2, 300)).nodes[0].id).toBe('cr_ana');
    expect(sent).toHaveLength(1);
    // Only once: a reload of the same view (Retry, a new session) asks the API again.
    await wrapped.neighborhood('cr_ana', 2, 300);
    expect(sent).toHaveLength(2);
  });

  it('leaves other calls to the API', async () => {
    const { api, sent } = recordingApi((v) => ({ body: { data: { neighborhood: graphOf(String(v.id)) } } }));
    const wrapped = withFirstLoad(api, parseState('?node=cr_ana'));
    expect((await wrapped.neighborhood('cr_ana', 1, 40)).nodes[0].id).toBe('cr_ana');
    expect((await wrapped.neighborhood('cr_bo', 2, 150)).nodes[0].id).toBe('cr_bo');
    expect(sent.map((r) => r.variables)).toEqual([
      { id: 'cr_ana', depth: 2, limit: 150 },
      { id: 'cr_ana', depth: 1, limit: 40 },
      { id: 'cr_bo', depth: 2, limit: 150 },
    ]);
    // The early answer is still there for the call it was made for.
    await wrapped.neighborhood('cr_ana', 2, 150);
    expect(sent).toHaveLength(3);
  });

  it('hands over a failed early request as the error it was, and a retry asks again', async () => {
    let fail = true;
    const { api, sent } = recordingApi((v) =>
      fail ? { body: { errors: [{ message: 'no node cr_gone', extensions: { code: 'NOT_FOUND' } }] } } : { body: { data: { neighborhood: graphOf(String(v.id)) } } },
    );
    const wrapped = withFirstLoad(api, parseState('?node=cr_gone'));
    const err = await wrapped.neighborhood('cr_gone', 2, 150).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphQLRequestError);
    expect((err as GraphQLRequestError).code).toBe('NOT_FOUND');
    fail = false;
    expect((await wrapped.neighborhood('cr_gone', 2, 150)).nodes).toHaveLength(1);
    expect(sent).toHaveLength(2);
  });

  it('starts a competitor’s graph at its drawn size, and nothing for a chain or an empty page', async () => {
    const { api, sent } = recordingApi(() => ({ body: { data: { competitorGraph: graphOf('br_acme'), node: null, campaigns: [] } } }));
    const wrapped = withFirstLoad(api, parseState('?brand=br_acme&limit=50'));
    expect(sent).toEqual([{ operation: 'ExploreCompetitor', variables: { brandId: 'br_acme', limit: 300 } }]);
    expect((await wrapped.competitor('br_acme', 300)).competitorGraph.nodes[0].id).toBe('br_acme');
    expect(sent).toHaveLength(1);

    const none = recordingApi(() => ({ body: { data: {} } }));
    withFirstLoad(none.api, EMPTY_STATE);
    withFirstLoad(none.api, parseState('?chains=cr_ana&chain=tiktok:9&node=cr_ana'));
    expect(none.sent).toEqual([]);
    expect(firstLoadKey(parseState('?chain=tiktok:9'))).toBeNull();
  });
});
