/**
 * The GraphQL playground in a real headless Chromium against the real API server: it renders,
 * runs its default query against the server, and loads nothing from any host but 127.0.0.1.
 */
import { startTestApp } from '../support/app';
import { CREATORS_BY_REACH } from '../../src/web/examples';
import { appUrls, gql, type AppUrls } from './api';
import { describeBrowser, offHostUrls, openBrowser, type TestBrowser } from './browser';

jest.setTimeout(90_000);

describeBrowser('GraphQL playground (browser)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let urls: AppUrls;
  let browser: TestBrowser;

  beforeAll(async () => {
    // The browser first: without Chromium, fail at once with the install hint.
    browser = await openBrowser();
    app = await startTestApp();
    urls = appUrls(app.url);
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
});
