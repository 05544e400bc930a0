/**
 * The GraphQL playground in a real headless Chromium against the real API server: it renders,
 * runs its default query against the server, and loads nothing from any host but 127.0.0.1.
 */
import { startTestApp } from '../support/app';
import { CREATORS_BY_REACH } from '../../src/web/examples';
import { appUrls, gql, type AppUrls } from './api';
import { describeBrowser, offHostUrls, openBrowser, waitUntil, type TestBrowser } from './browser';

jest.setTimeout(90_000);

describeBrowser('GraphQL playground (browser)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let urls: AppUrls;
  let browser: TestBrowser;

  beforeAll(async () => {
    // The browser first: without Chromium, fail at once with the install hint.
    browser = await openBrowser();
    // No API_KEYS, as on a fresh `npm start`: the server generates an admin key and the page is pre-filled with it.
    app = await startTestApp({ API_KEYS: '' });
    urls = appUrls(app.url, app.adminKey);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('renders GraphiQL on /graphql, runs the default query against the server, and stays on this host', async () => {
    const { page } = browser;
    const expected = await gql<{ creators: { nodes: { id: string; displayName: string }[] } }>(
      urls,
      CREATORS_BY_REACH.query,
      JSON.parse(CREATORS_BY_REACH.variables ?? '{}'),
    );
    expect(expected.creators.nodes.length).toBeGreaterThan(0);

    const nav = await page.goto(urls.graphql, { waitUntil: 'load' });
    expect(nav?.status()).toBe(200);
    expect(nav?.headers()['content-type']).toMatch(/^text\/html/);
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor({ state: 'visible', timeout: 30_000 });
    // The default tab holds the first example, its variables filled in.
    await page.locator('.graphiql-query-editor', { hasText: 'CreatorsByReach' }).waitFor({ timeout: 30_000 });
    await page.locator('.graphiql-editor-tool', { hasText: '"first"' }).waitFor({ timeout: 30_000 });

    await page.locator('.graphiql-execute-button').click();
    const firstId = expected.creators.nodes[0].id;
    const response = page.locator('.graphiql-response');
    await response.filter({ hasText: firstId }).waitFor({ timeout: 30_000 });
    const shown = (await response.textContent()) ?? '';
    expect(shown).toContain('"creators"');
    expect(shown).toContain(firstId);
    expect(shown).not.toContain('"errors"');

    await page.screenshot({ path: '/tmp/cg-e2e-playground.png' });

    const loaded = browser.requests.map((r) => r.url());
    expect(loaded.some((u) => /\/playground\/main-[A-Z2-7]{8}\.js$/.test(u))).toBe(true);
    expect(loaded.some((u) => /\/playground\/graphql\.worker-[A-Z2-7]{8}\.js$/.test(u))).toBe(true);
    expect(offHostUrls([...loaded, ...browser.websockets])).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('runs the matchChanged subscription over graphql-ws on the same host', async () => {
    const { page } = browser;
    const pending = await gql<{ reviewQueue: { nodes: { id: string }[] } }>(urls, '{ reviewQueue(first: 1) { nodes { id } } }');
    expect(pending.reviewQueue.nodes).toHaveLength(1);
    const target = pending.reviewQueue.nodes[0].id;

    await page.locator('.graphiql-tab', { hasText: 'MatchChanged' }).click();
    await page.locator('.graphiql-query-editor', { hasText: 'subscription MatchChanged' }).waitFor({ timeout: 15_000 });
    // GraphiQL learns the tab's operation name 100 ms after the editor changes (debounced), in the same
    // step that saves the query to localStorage. Run before that and it posts the old tab's name over HTTP.
    await page.waitForFunction(
      () => ((globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem('graphiql:query') ?? '').includes('subscription MatchChanged'),
      undefined,
      { timeout: 15_000 },
    );
    await page.locator('.graphiql-execute-button').click();
    const wsUrl = urls.graphql.replace(/^http/, 'ws');
    const frames = () => browser.frames.filter((f) => f.url === wsUrl);
    // Subscribed once graphql-ws has its connection acknowledged and has sent the subscribe message.
    await waitUntil(page, () => frames().some((f) => f.dir === 'received' && f.payload.includes('connection_ack')), 'connection_ack');
    await waitUntil(page, () => frames().some((f) => f.dir === 'sent' && f.payload.includes('"subscribe"')), 'the subscribe message');

    await gql(urls, 'mutation ($id: ID!) { rejectMatch(id: $id, note: "from the playground e2e") { id } }', { id: target });

    const response = page.locator('.graphiql-response');
    await response.filter({ hasText: 'REJECTED' }).waitFor({ timeout: 15_000 });
    expect(await response.textContent()).toContain(target);
    await page.screenshot({ path: '/tmp/cg-e2e-playground-subscription.png' });
    expect(browser.websockets).toContain(wsUrl);
    expect(offHostUrls(browser.websockets)).toEqual([]);
  });
});
