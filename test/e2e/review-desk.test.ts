/**
 * The review desk in a real headless Chromium against the real API server: it lists the pending
 * matches, Approve removes a match and the API then reports it MANUAL, and a decision made
 * elsewhere reaches the open page through the matchChanged subscription.
 */
import { startTestApp, TEST_KEYS, TEST_REVIEWER_NAME } from '../support/app';
import { GraphQLRequestError } from '../../src/web/graphql-http';
import { appUrls, gql, type AppUrls } from './api';
import { describeBrowser, offHostUrls, openBrowser, type TestBrowser } from './browser';

jest.setTimeout(90_000);

interface Pending {
  reviewQueue: { totalCount: number; nodes: { id: string; score: number; accounts: { platform: string; username: string }[] }[] };
}

const PENDING = `{ reviewQueue(first: 50) { totalCount nodes { id score accounts { platform username } } } }`;
const STATUS = `query ($id: ID!) { node(id: $id) { ... on Match { id status reviewedBy reviewNote } } }`;
const MATCHES = `query { matches(first: 200) { nodes { id status reviewedBy reviewNote } } }`;

describeBrowser('review desk (browser)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let urls: AppUrls;
  let browser: TestBrowser;

  /** A match's state as the API reports it over HTTP. */
  async function matchState(id: string) {
    const viaNode = await gql<{ node: { id: string; status: string; reviewedBy: string | null; reviewNote: string | null } | null }>(urls, STATUS, { id }).catch(() => null);
    if (viaNode?.node) return viaNode.node;
    const all = await gql<{ matches: { nodes: { id: string; status: string; reviewedBy: string | null; reviewNote: string | null }[] } }>(urls, MATCHES);
    return all.matches.nodes.find((m) => m.id === id) ?? null;
  }

  beforeAll(async () => {
    // The browser first: without Chromium, fail at once with the install hint.
    browser = await openBrowser({ width: 1200, height: 1000 });
    app = await startTestApp();
    urls = appUrls(app.url, app.adminKey);
    // Keys are configured, so the page is not pre-filled: the reviewer's key is the one this browser saved.
    await browser.page.addInitScript(
      (key) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('creator-graph.api-key', key),
      TEST_KEYS.reviewer,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lists the pending matches, strongest first', async () => {
    const pending = await gql<Pending>(urls, PENDING);
    expect(pending.reviewQueue.nodes.length).toBeGreaterThanOrEqual(2);

    const { page } = browser;
    const nav = await page.goto(`${urls.origin}/review`, { waitUntil: 'load' });
    expect(nav?.status()).toBe(200);
    const cards = page.locator('[data-testid="match"]');
    await cards.first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('[data-testid="connection"]', { hasText: 'live' }).waitFor({ timeout: 30_000 });

    const shownIds = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-match-id')));
    expect(shownIds).toEqual(pending.reviewQueue.nodes.map((m) => m.id));
    await expect(page.locator('[data-testid="pending-count"]').textContent()).resolves.toBe(
      `${pending.reviewQueue.totalCount} pending`,
    );
    // Both accounts side by side, with their usernames.
    const first = pending.reviewQueue.nodes[0];
    const card = page.locator(`[data-match-id="${first.id}"]`);
    for (const account of first.accounts) {
      await expect(card.locator(`[data-testid="account-${account.platform}"]`).textContent()).resolves.toContain(`@${account.username}`);
    }
    await page.screenshot({ path: '/tmp/cg-e2e-review.png', fullPage: true });
  });

  it('shows the error code when a decision fails', async () => {
    const { page } = browser;
    const queue = await gql<Pending>(urls, PENDING);
    const target = queue.reviewQueue.nodes[0];
    const card = page.locator(`[data-match-id="${target.id}"]`);
    await card.waitFor({ state: 'visible' });
    // What the API answers for an unknown match, asked directly (the failed mutation changes nothing).
    const expected = await gql(urls, `mutation { approveMatch(id: "no-such-match") { id } }`).catch((e: GraphQLRequestError) => e);
    expect(expected).toBeInstanceOf(GraphQLRequestError);
    const { code, message } = expected as GraphQLRequestError;
    // Make the page's next approval fail on the server the same way: its request names that unknown id.
    await page.route(urls.graphql, async (route) => {
      const body = route.request().postDataJSON() as { variables?: Record<string, unknown> };
      if (body?.variables?.id === target.id) {
        await route.continue({ postData: JSON.stringify({ ...body, variables: { ...body.variables, id: 'no-such-match' } }) });
      } else await route.continue();
    });
    try {
      await card.getByRole('button', { name: 'Approve' }).click();
      const error = card.locator('[data-testid="error"]');
      await error.waitFor({ state: 'visible', timeout: 15_000 });
      await expect(error.locator('.error-code').textContent()).resolves.toBe(code);
      await expect(error.locator('.error-message').textContent()).resolves.toBe(message);
      await expect(card.getByRole('button', { name: 'Approve' }).isEnabled()).resolves.toBe(true);
      await card.screenshot({ path: '/tmp/cg-e2e-review-error.png' });
    } finally {
      await page.unroute(urls.graphql);
    }
    await expect(matchState(target.id)).resolves.toMatchObject({ status: 'PENDING' });
  });

  it('Approve removes the match from the list and the API reports it MANUAL with the reviewer and note', async () => {
    const { page } = browser;
    const before = await gql<Pending>(urls, PENDING);
    const target = before.reviewQueue.nodes[0];
    const card = page.locator(`[data-match-id="${target.id}"]`);
    await page.locator('[data-testid="api-key"]').fill(TEST_KEYS.reviewer);
    await card.locator('input.note').fill('same person, checked by e2e');
    await card.getByRole('button', { name: 'Approve' }).click();
    await card.waitFor({ state: 'detached', timeout: 15_000 });
    await expect(page.locator('[data-testid="error"]').count()).resolves.toBe(0);

    const after = await matchState(target.id);
    expect(after).toMatchObject({ id: target.id, status: 'MANUAL', reviewedBy: TEST_REVIEWER_NAME, reviewNote: 'same person, checked by e2e' });
    const queue = await gql<Pending>(urls, PENDING);
    expect(queue.reviewQueue.nodes.map((m) => m.id)).not.toContain(target.id);
  });

  it('a decision made elsewhere disappears from the open page through the subscription', async () => {
    const { page } = browser;
    const queue = await gql<Pending>(urls, PENDING);
    expect(queue.reviewQueue.nodes.length).toBeGreaterThanOrEqual(1);
    const target = queue.reviewQueue.nodes[queue.reviewQueue.nodes.length - 1];
    const card = page.locator(`[data-match-id="${target.id}"]`);
    await card.waitFor({ state: 'visible' });
    const requestsBefore = browser.requests.length;

    await gql(urls, `mutation ($id: ID!) { rejectMatch(id: $id, note: "rejected over HTTP by e2e") { id status } }`, { id: target.id });

    await card.waitFor({ state: 'detached', timeout: 15_000 });
    // Removed by the pushed event, not by a reload of the page or the queue.
    expect(browser.requests.slice(requestsBefore).map((r) => r.url())).toEqual([]);
    await expect(matchState(target.id)).resolves.toMatchObject({ status: 'REJECTED' });
  });

  it('loaded nothing from another host except account avatars', () => {
    const offHost = browser.requests.filter((r) => offHostUrls([r.url()]).length > 0);
    expect(offHost.filter((r) => r.resourceType() !== 'image').map((r) => r.url())).toEqual([]);
    expect(offHostUrls(browser.websockets)).toEqual([]);
  });
});
