import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mountWeb, NOT_BUILT_MESSAGE, type MountWebOptions } from '../../src/web/serve';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

/** A stand-in for a build: the real build is exercised by build-web.test.ts and the e2e tests. */
function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cg-web-dist-'));
  for (const page of ['playground', 'review', 'explore']) {
    mkdirSync(join(dir, page));
    writeFileSync(
      join(dir, page, 'index.html'),
      `<!doctype html><meta name="cg-graphql-path" content="%CG_GRAPHQL_PATH%"><title>${page}</title>`,
    );
  }
  writeFileSync(join(dir, 'playground', 'main-ABCDEFGH.js'), 'console.log("playground")');
  writeFileSync(join(dir, 'playground', 'main-ABCDEFGH.js.LEGAL.txt'), 'licences');
  writeFileSync(join(dir, 'review', 'notes.txt'), 'unhashed');
  return dir;
}

/** mountWeb on a bare app, followed by a stand-in API that answers every method on the GraphQL path. */
async function start(opts: MountWebOptions): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  mountWeb(app, opts);
  app.all(opts.graphqlPath ?? '/graphql', (req, res) => {
    res.json({ api: true, method: req.method, accept: req.get('accept') ?? null });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

describe('mountWeb with a build', () => {
  let dist: string;
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    dist = fakeDist();
    server = await start({ distDir: dist });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the playground HTML to a browser navigation on the GraphQL path, pointed at that path', async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const html = await res.text();
    expect(html).toContain('<title>playground</title>');
    expect(html).toContain('content="/graphql"');
  });

  it.each([
    ['application/json', 'application/json'],
    ['the GraphQL response type', 'application/graphql-response+json, application/json;q=0.9'],
    ['any type', '*/*'],
  ])('passes a GET that accepts %s on to the API', async (_label, accept) => {
    const res = await fetch(`${server.url}/graphql?query=%7B__typename%7D`, { headers: { accept } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ api: true, method: 'GET', accept });
  });

  it('passes a POST on to the API even from a browser', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { accept: BROWSER_ACCEPT, 'content-type': 'application/json' },
      body: '{"query":"{__typename}"}',
    });
    expect(await res.json()).toMatchObject({ api: true, method: 'POST' });
  });

  it('serves the review desk at /review and the playground at /playground', async () => {
    const review = await fetch(`${server.url}/review`);
    expect(review.status).toBe(200);
    expect(await review.text()).toContain('<title>review</title>');
    expect(review.headers.get('content-security-policy')).toContain('img-src');
    const playground = await fetch(`${server.url}/playground/`);
    expect(await playground.text()).toContain('<title>playground</title>');
  });

  it('serves the explorer at /explore with any query string, under its own policy', async () => {
    const explore = await fetch(`${server.url}/explore?node=cr_1&x=tiktok:2,x:3`);
    expect(explore.status).toBe(200);
    expect(await explore.text()).toContain('<title>explore</title>');
    const csp = explore.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    // Nothing but this host: no images from elsewhere (unlike the review desk's avatars).
    expect(csp).not.toContain('https:');
  });

  it('caches hashed assets for a year and everything else only with revalidation', async () => {
    const hashed = await fetch(`${server.url}/playground/main-ABCDEFGH.js`);
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get('content-type')).toMatch(/javascript/);
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await hashed.text()).toBe('console.log("playground")');
    const legal = await fetch(`${server.url}/playground/main-ABCDEFGH.js.LEGAL.txt`);
    expect(legal.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const plain = await fetch(`${server.url}/review/notes.txt`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 404 for an asset that is not in the build', async () => {
    const res = await fetch(`${server.url}/playground/missing-ABCDEFGH.js`);
    expect(res.status).toBe(404);
  });
});

describe('mountWeb on another GraphQL path', () => {
  let dist: string;
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    dist = fakeDist();
    server = await start({ distDir: dist, graphqlPath: '/api/graphql' });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('offers the playground there and points the pages at it', async () => {
    const page = await fetch(`${server.url}/api/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(await page.text()).toContain('content="/api/graphql"');
    const review = await fetch(`${server.url}/review`);
    expect(await review.text()).toContain('content="/api/graphql"');
    const api = await fetch(`${server.url}/api/graphql`, { headers: { accept: 'application/json' } });
    expect(await api.json()).toMatchObject({ api: true });
  });
});

describe('mountWeb without a build', () => {
  let dist: string;
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    dist = join(mkdtempSync(join(tmpdir(), 'cg-web-missing-')), 'dist');
    server = await start({ distDir: dist });
  });
  afterAll(() => server.close());

  it.each(['/review', '/playground', '/explore', '/playground/main-ABCDEFGH.js', '/review/main-ABCDEFGH.js', '/explore/main-ABCDEFGH.js'])(
    'answers 503 for %s, saying how to build',
    async (path) => {
      const res = await fetch(`${server.url}${path}`, { headers: { accept: BROWSER_ACCEPT } });
      expect(res.status).toBe(503);
      expect(await res.text()).toBe(NOT_BUILT_MESSAGE);
      expect(NOT_BUILT_MESSAGE).toContain('npm run build:web');
    },
  );

  it('answers 503 to a browser on the GraphQL path but still lets API requests through', async () => {
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(page.status).toBe(503);
    const api = await fetch(`${server.url}/graphql`, { headers: { accept: 'application/json' } });
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({ api: true });
  });
});
