import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { gql, startTestApp, type TestApp, as, wsAuth } from '../support/app';

function nextEvent(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const events: any[] = [];
  let ready!: () => void;
  const subscribed = new Promise<void>((r) => (ready = r));
  const received = new Promise<any>((resolve, reject) => {
    const dispose = client.subscribe(
      { query, variables },
      {
        next: (v) => {
          events.push(v);
          resolve(v);
          dispose();
        },
        error: reject,
        complete: () => undefined,
      },
    );
  });
  // graphql-ws acknowledges the connection before the server registers the subscription; a short
  // settle keeps the test from publishing before the subscriber exists.
  setTimeout(ready, 500);
  return { subscribed, received, events };
}

describe('match review over HTTP with matchChanged over ws', () => {
  let app: TestApp;
  let client: Client;
  beforeAll(async () => {
    app = await startTestApp();
    client = createClient({ url: app.wsUrl, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, connectionParams: wsAuth('viewer') });
  });
  afterAll(async () => {
    await client.dispose();
    await app.close();
  });

  it('pushes the event to a subscriber when approveMatch is called on HTTP, and merges the creators', async () => {
    const queue = await gql(app.url, '{ reviewQueue { totalCount nodes { id score status accounts { id } } } }');
    expect(queue.errors).toBeUndefined();
    const pending = queue.data.reviewQueue.nodes[0];
    expect(pending.status).toBe('PENDING');

    const sub = nextEvent(client, 'subscription { matchChanged { kind previousStatus previousScore at match { id status reviewedBy creator { id accounts { id } } } } }');
    await sub.subscribed;
    const approved = await gql(
      app.url,
      'mutation($id: ID!) { approveMatch(id: $id, note: "same bio photo") { id status reviewedBy reviewNote } }',
      { id: pending.id },
      as('reviewer'),
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data.approveMatch).toEqual({ id: pending.id, status: 'MANUAL', reviewedBy: 'rita@agency.test', reviewNote: 'same bio photo' });

    const event = (await sub.received).data.matchChanged;
    expect(event).toMatchObject({ kind: 'APPROVED', previousStatus: 'PENDING', previousScore: pending.score });
    expect(event.match.id).toBe(pending.id);
    expect(event.match.status).toBe('MANUAL');
    // Both accounts now belong to one creator.
    expect(event.match.creator.accounts.map((a: { id: string }) => a.id).sort()).toEqual(
      pending.accounts.map((a: { id: string }) => a.id).sort(),
    );
  });

  it('filters events by status and records every change in Match.history', async () => {
    const auto = await gql(app.url, '{ matches(statuses: [AUTO]) { nodes { id creator { id } } } }');
    const target = auto.data.matches.nodes[0];
    const onlyManual = nextEvent(client, 'subscription { matchChanged(statuses: [MANUAL]) { kind match { id } } }');
    const onlyRejected = nextEvent(client, 'subscription { matchChanged(statuses: [REJECTED]) { kind previousStatus match { id } } }');
    await Promise.all([onlyManual.subscribed, onlyRejected.subscribed]);

    const rejected = await gql(app.url, 'mutation($id: ID!) { rejectMatch(id: $id) { status creator { id } } }', { id: target.id });
    expect(rejected.data.rejectMatch).toEqual({ status: 'REJECTED', creator: null });
    const ev = (await onlyRejected.received).data.matchChanged;
    expect(ev).toEqual({ kind: 'REJECTED', previousStatus: 'AUTO', match: { id: target.id } });
    await new Promise((r) => setTimeout(r, 200));
    expect(onlyManual.events).toHaveLength(0);

    // Rejecting an AUTO match splits the creator back into two; the older id stays with one side.
    const split = await gql(
      app.url,
      'query($id: ID!) { node(id: $id) { ... on Match { history { kind previousStatus } accounts { creator { id } } } } }',
      { id: target.id },
    );
    const m = split.data.node;
    expect(m.history.map((h: { kind: string }) => h.kind)).toEqual(['CREATED', 'REJECTED']);
    const creatorIds = m.accounts.map((a: { creator: { id: string } }) => a.creator.id);
    expect(new Set(creatorIds).size).toBe(2);
    expect(creatorIds).toContain(target.creator.id);
  });

  it('links two accounts by hand and refuses bad links with typed errors', async () => {
    const singles = await gql(
      app.url,
      '{ creators(first: 50, filter: { search: "" }) { nodes { accounts { id platform username } } } }',
    );
    const accounts = singles.data.creators.nodes
      .filter((n: any) => n.accounts.length === 1)
      .map((n: any) => n.accounts[0]);
    const t = accounts.find((a: any) => a.platform === 'TIKTOK' && a.username === 'fitwithnoor');
    const x = accounts.find((a: any) => a.platform === 'X' && a.username === 'marketwatcher');
    const linked = await gql(
      app.url,
      'mutation($ids: [ID!]!) { linkAccounts(accountIds: $ids, note: "agency confirmed") { status reasons creator { accounts { username } combinedReach { basis } } } }',
      { ids: [x.id, t.id] },
    );
    expect(linked.errors).toBeUndefined();
    expect(linked.data.linkAccounts.status).toBe('MANUAL');
    expect(linked.data.linkAccounts.reasons).toContain('MANUAL_LINK');
    expect(linked.data.linkAccounts.creator.accounts.map((a: any) => a.username).sort()).toEqual(['fitwithnoor', 'marketwatcher']);
    expect(linked.data.linkAccounts.creator.combinedReach.basis).toBe('MANUAL_LINK');

    const sameSide = await gql(app.url, 'mutation { linkAccounts(accountIds: ["tiktok:1", "tiktok:2"]) { id } }');
    expect(sameSide.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const one = await gql(app.url, 'mutation($ids: [ID!]!) { linkAccounts(accountIds: $ids) { id } }', { ids: [t.id] });
    expect(one.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknownMatch = await gql(app.url, 'mutation { approveMatch(id: "match:tiktok:1~x:2") { id } }');
    expect(unknownMatch.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
