/**
 * The graph explorer (/explore) in a real headless Chromium against the real API server over a
 * small simulated world ingested through the real lanes: sign in with an API key, search a creator
 * and open it, expand a node by clicking it on the canvas, open one of its chains and read the
 * timeline, open a competitor with the keyboard, reload a shared URL, and receive a live
 * amplification written through the lanes' write path and post-write hook (no fake publish).
 * Screenshots of each view go to test-output/e2e/ (gitignored).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from 'cytoscape';
import type { App } from '../../src/app';
import { writeBatch } from '../../src/graph/batch';
import { projectRoot } from '../../src/paths';
import { startSimulatedApp, TEST_KEYS } from '../support/app';
import { appUrls, gql, type AppUrls } from './api';
import { describeBrowser, offHostUrls, openBrowser, waitUntil, type TestBrowser } from './browser';

jest.setTimeout(120_000);

export const SHOTS = join(projectRoot(), 'test-output', 'e2e');

interface Chain {
  root: { id: string; author: { username: string } };
  posts: { id: string; platform: string }[];
  byPlatform: { platform: string; posts: number; engagement: number }[];
}
const CHAINS = `query ($c: ID!) { amplificationChains(creatorId: $c, crossPlatformOnly: false, minDepth: 1, first: 20) {
  root { id author { username } } posts { id platform } byPlatform { platform posts engagement } } }`;
const CREATORS = `{ creators(first: 40, filter: { platforms: [TIKTOK, X] }, orderBy: { field: COMBINED_REACH, direction: DESC }) {
  nodes { id displayName combinedReach { label } accounts { id platform username platformUserId } } } }`;
const HOOD = `query ($id: ID!, $d: Int!, $l: Int!) { neighborhood(id: $id, depth: $d, limit: $l) { nodes { id kind } } }`;

type Creator = { id: string; displayName: string; combinedReach: { label: string }; accounts: { id: string; platform: string; username: string; platformUserId: string }[] };

describeBrowser('graph explorer (browser)', () => {
  let app: App;
  let urls: AppUrls;
  let browser: TestBrowser;
  let creator: Creator;
  let chain: Chain;

  /** Node ids drawn on the canvas right now. */
  const drawnIds = () =>
    browser.page.evaluate(() => ((globalThis as unknown as { __cgGraph: Core }).__cgGraph.nodes().map((n) => n.id())));
  const graphReady = () => browser.page.locator('[data-testid="graph"][data-state="ready"]').waitFor({ timeout: 30_000 });
  /** Polls an async check every 100 ms until it holds; fails after `timeoutMs` naming `what`. */
  async function pollUntil(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await browser.page.waitForTimeout(100);
    }
  }
  const shot = (name: string) => browser.page.screenshot({ path: join(SHOTS, `explore-${name}.png`) });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // The browser first: without Chromium, fail at once with the install hint.
    browser = await openBrowser({ width: 1400, height: 900 });
    // What a thrown non-Error was, when one escapes (the shared helper keeps only the message).
    browser.page.on('pageerror', (e) => browser.errors.push(`pageerror detail: ${e.stack ?? JSON.stringify(e)}`));
    app = await startSimulatedApp({ SIM_CREATORS: '40', SIM_SEED: '7' });
    await app.ingestion.seedWorld();
    await app.amplifications.idle();
    urls = appUrls(app.api.url, TEST_KEYS.admin);
    // A creator on both platforms with a chain of at least three posts (a timeline worth reading).
    const creators = (await gql<{ creators: { nodes: Creator[] } }>(urls, CREATORS)).creators.nodes;
    for (const c of creators) {
      const chains = (await gql<{ amplificationChains: Chain[] }>(urls, CHAINS, { c: c.id })).amplificationChains;
      const long = chains.find((k) => k.posts.length >= 3);
      if (long) {
        creator = c;
        chain = long;
        break;
      }
    }
    expect(creator).toBeDefined();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('asks for a key, then signs in with one and goes live', async () => {
    const { page } = browser;
    const nav = await page.goto(`${urls.origin}/explore`, { waitUntil: 'load' });
    expect(nav?.status()).toBe(200);
    expect(nav?.headers()['content-security-policy']).toContain("connect-src 'self'");
    // Keys are configured, so nothing is pre-filled.
    await page.locator('[data-testid="signin-status"]', { hasText: 'not signed in' }).waitFor();
    await page.locator('[data-testid="start"]').waitFor();
    await shot('start');
    await page.getByLabel('API key').fill('not-a-valid-key-0123456789');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-testid="signin-status"]', { hasText: 'key refused (UNAUTHENTICATED)' }).waitFor();
    await page.getByLabel('API key').fill(TEST_KEYS.viewer);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-testid="signin-status"]', { hasText: /^signed in$/ }).waitFor();
    await page.locator('[data-testid="connection"]', { hasText: 'live' }).waitFor({ timeout: 30_000 });
    // The same key store as the review desk.
    await expect(page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem('creator-graph.api-key'))).resolves.toBe(TEST_KEYS.viewer);
  });

  it('searches a creator with type-ahead and opens it: graph, card with both accounts, reach band', async () => {
    const { page } = browser;
    const search = page.getByRole('combobox', { name: /search creators/i });
    await search.fill(creator.displayName.slice(0, 5));
    const option = page.locator(`[data-testid="suggestion"][data-id="${creator.id}"]`);
    await option.waitFor({ timeout: 15_000 });
    await option.click();
    await graphReady();
    expect(new URL(page.url()).searchParams.get('node')).toBe(creator.id);
    const expected = (await gql<{ neighborhood: { nodes: { id: string }[] } }>(urls, HOOD, { id: creator.id, d: 2, l: 150 })).neighborhood.nodes.map((n) => n.id);
    expect((await drawnIds()).sort()).toEqual([...expected].sort());
    const card = page.locator('[data-testid="creator-card"]');
    await card.waitFor();
    for (const a of creator.accounts) {
      await expect(card.locator(`[data-testid="card-account-${a.platform}"]`).textContent()).resolves.toContain(`@${a.username}`);
    }
    // A band, never one number.
    await expect(card.locator('[data-testid="reach-band"]').textContent()).resolves.toContain(creator.combinedReach.label);
    await card.locator('[data-testid="growth-chart"]').waitFor();
    await page.locator('[data-testid="chains"]').waitFor();
    await shot('creator');
  });

  it('expands a node clicked on the canvas with its neighbours, and records it in the URL', async () => {
    const { page } = browser;
    const shown = new Set(await drawnIds());
    // A post on screen whose neighbourhood brings something new (hashtags, amplifiers).
    let target: string | null = null;
    let fresh: string[] = [];
    for (const id of [...shown].filter((i) => /^(tiktok|x):/.test(i)).slice(0, 60)) {
      const around = (await gql<{ neighborhood: { nodes: { id: string }[] } }>(urls, HOOD, { id, d: 1, l: 40 })).neighborhood.nodes.map((n) => n.id);
      fresh = around.filter((n) => !shown.has(n));
      if (fresh.length > 0) {
        target = id;
        break;
      }
    }
    expect(target).not.toBeNull();
    // Bring the node to the middle of the canvas, zoomed in so no neighbour covers it, and click it there.
    const at = await page.evaluate((id) => {
      const cy = (globalThis as unknown as { __cgGraph: Core }).__cgGraph;
      const n = cy.getElementById(id);
      cy.zoom(3);
      cy.center(n);
      const box = cy.container()!.getBoundingClientRect();
      const p = n.renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    }, target!);
    await page.mouse.click(at.x, at.y);
    await waitUntil(page, () => new URL(page.url()).searchParams.get('x') === target, 'the expansion in the URL');
    await pollUntil(async () => {
      const now = new Set(await drawnIds());
      return fresh.every((id) => now.has(id));
    }, 'the new neighbours on the canvas');
    await graphReady();
    await expect(page.locator('[data-testid="selection"]').getAttribute('data-id')).resolves.toBe(target);
    await page.getByRole('button', { name: 'Fit the graph to the view' }).click();
    await shot('expanded');
  });

  it('opens a chain: graph of its posts and a timeline, root first, with per-platform engagement', async () => {
    const { page } = browser;
    await page.locator(`[data-testid="chain-item"][data-root="${chain.root.id}"]`).click();
    const timeline = page.locator('[data-testid="timeline"]');
    await timeline.waitFor();
    await graphReady();
    expect(new URL(page.url()).searchParams.get('chain')).toBe(chain.root.id);
    const rows = timeline.locator('[data-testid="timeline-row"]');
    await expect(rows.count()).resolves.toBe(chain.posts.length);
    await expect(rows.first().getAttribute('data-post')).resolves.toBe(chain.root.id);
    await expect(rows.first().textContent()).resolves.toContain('root');
    for (const b of chain.byPlatform) {
      await expect(timeline.locator(`[data-testid="engagement-${b.platform}"]`).textContent()).resolves.toContain(`${b.posts} post`);
    }
    const drawn = new Set(await drawnIds());
    for (const p of chain.posts) expect(drawn.has(p.id)).toBe(true);
    await shot('chain');
  });

  it('opens a competitor from the keyboard: its graph and its launches with the first platform', async () => {
    const { page } = browser;
    const brands = (await gql<{ brands: { id: string; name: string; launches: { topic: string; firstPlatform: string }[] }[] }>(urls, '{ brands { id name launches { topic firstPlatform } } }')).brands;
    const brand = [...brands].sort((a, b) => b.launches.length - a.launches.length)[0];
    expect(brand).toBeDefined();
    const search = page.getByRole('combobox', { name: /search creators/i });
    await search.focus();
    await search.fill(brand.name);
    const options = page.locator('[data-testid="suggestion"]');
    await page.locator(`[data-testid="suggestion"][data-id="${brand.id}"]`).waitFor({ timeout: 15_000 });
    const ids = await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    for (let i = 0; i < ids.indexOf(brand.id); i++) await search.press('ArrowDown');
    await search.press('Enter');
    await graphReady();
    expect(new URL(page.url()).searchParams.get('brand')).toBe(brand.id);
    const panel = page.locator('[data-testid="competitor"]');
    await panel.waitFor();
    const launches = panel.locator('[data-testid="launch"]');
    await expect(launches.count()).resolves.toBe(brand.launches.length);
    for (const l of brand.launches) {
      const name = l.firstPlatform === 'TIKTOK' ? 'TikTok' : 'X';
      await expect(panel.locator('[data-testid="launch"]', { hasText: `#${l.topic}` }).textContent()).resolves.toContain(`${name} first`);
    }
    const drawn = new Set(await drawnIds());
    expect(drawn.has(brand.id)).toBe(true);
    await shot('competitor');
  });

  it('reopens a shared URL and adds a live amplification of what is on screen without a reload', async () => {
    const { page } = browser;
    const x = creator.accounts.find((a) => a.platform === 'X')!;
    await page.goto(`${urls.origin}/explore?node=${encodeURIComponent(creator.id)}`, { waitUntil: 'load' });
    await graphReady();
    await page.locator('[data-testid="connection"]', { hasText: 'live' }).waitFor({ timeout: 30_000 });
    expect(await drawnIds()).toContain(x.id);
    // The creator's newest post; the quote comes from the creator's X account (QUOTE on X, LINK to a TikTok post).
    const [source] = (await app.graph.runText(
      'MATCH (:Creator {id: $c})-[:HAS_ACCOUNT]->(a:Account)-[:POSTED]->(p:Post) RETURN p.id AS id, p.platform AS platform ORDER BY p.createdAt DESC, p.id LIMIT 1',
      { c: creator.id },
    )) as { id: string; platform: string }[];
    expect(source).toBeDefined();
    const kind = source.platform === 'X' ? 'QUOTE' : 'LINK';
    const documentsBefore = browser.requests.filter((r) => r.resourceType() === 'document').length;

    // A quote of the creator's X post, written by the path the lanes use and announced by the app's
    // post-write hook. The subscription registers a little after the page sends it: write fresh
    // quotes until the page shows one (each write is announced once).
    let n = 0;
    let shownId: string | null = null;
    const deadline = Date.now() + 60_000;
    while (!shownId && Date.now() < deadline) {
      n++;
      const id = `98000000000000${String(n).padStart(5, '0')}`;
      const at = new Date().toISOString();
      await writeBatch(app.graph, {
        posts: [
          {
            post: {
              platform: 'X', platformPostId: id, authorPlatformUserId: x.platformUserId, url: `https://x.com/i/web/status/${id}`,
              text: 'live quote from the e2e test', createdAt: at, hashtags: [], mentions: [], fetchedAt: at,
              metrics: { likes: 3, comments: 1, shares: 0, quotes: 0 },
            },
            metricsKnown: true,
            amplifications: [{ amplifierPostId: `x:${id}`, sourcePostId: source.id, kind, confidence: 1 }],
          },
        ],
      });
      await app.amplifications.postsWritten([`x:${id}`]);
      const event = page.locator(`[data-testid="live-event"][data-amplifier="x:${id}"]`);
      if (await event.waitFor({ timeout: 1_000 }).then(() => true, () => false)) shownId = `x:${id}`;
    }
    expect(shownId).not.toBeNull();
    await pollUntil(async () => (await drawnIds()).includes(shownId!), 'the live post on the canvas');
    expect(await drawnIds()).toContain(source.id);
    const edge = await page.evaluate(
      ([a, s]) => (globalThis as unknown as { __cgGraph: Core }).__cgGraph.getElementById(`AMPLIFIED:${a}->${s}`).data('kind') as string | undefined,
      [shownId!, source.id],
    );
    // As stored: a LINK between the creator's own accounts is promoted to CROSSPOST by the detector before it is announced.
    const [stored] = (await app.graph.runText('MATCH (:Post {id: $a})-[r:AMPLIFIED]->(:Post {id: $s}) RETURN r.kind AS kind', { a: shownId, s: source.id })) as { kind: string }[];
    expect(edge).toBe(stored.kind);
    expect(browser.requests.filter((r) => r.resourceType() === 'document').length).toBe(documentsBefore);
    await page.evaluate((id) => (globalThis as unknown as { __cgGraph: Core }).__cgGraph.fit((globalThis as unknown as { __cgGraph: Core }).__cgGraph.getElementById(id).closedNeighborhood().closedNeighborhood(), 60), shownId!);
    await shot('live');
  });

  it('loaded nothing from another host and logged no errors', () => {
    expect(offHostUrls([...browser.requests.map((r) => r.url()), ...browser.websockets])).toEqual([]);
    // The refused key in the first test is answered 401 by design; the browser logs that load.
    expect(browser.errors.filter((e) => !/401 \(Unauthorized\)/.test(e))).toEqual([]);
  });
});
