/**
 * Headless Chromium for the e2e tests, driven by playwright-core (no bundled browser download).
 * Uses the Debian package at /usr/bin/chromium (override with CG_CHROMIUM_PATH). When it is missing
 * the tests fail with the install command, unless CG_SKIP_BROWSER=1 says to skip them.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CG_CHROMIUM_PATH || '/usr/bin/chromium';
export const INSTALL_HINT = 'apt-get update && apt-get install -y chromium';

/** `describe`, or `describe.skip` when CG_SKIP_BROWSER=1. */
export const describeBrowser: jest.Describe = process.env.CG_SKIP_BROWSER === '1' ? describe.skip : describe;

/** Without the networking flags Chromium keeps calling Google services in the background. */
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-extensions',
];

export interface TestBrowser {
  page: Page;
  context: BrowserContext;
  /** Every request the page made, in order. */
  requests: Request[];
  /** URLs of the WebSockets the page opened. */
  websockets: string[];
  /** Text frames over those sockets, both directions, in order. */
  frames: { url: string; dir: 'sent' | 'received'; payload: string }[];
  /** Console errors and uncaught page errors, for diagnostics and assertions. */
  errors: string[];
  close(): Promise<void>;
}

export async function openBrowser(viewport = { width: 1400, height: 900 }): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: install it with \`${INSTALL_HINT}\` ` +
        '(or set CG_CHROMIUM_PATH), or set CG_SKIP_BROWSER=1 to skip the browser tests.',
    );
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'cg-chromium-'));
  // A persistent context is the way to give Chromium its own --user-data-dir.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: LAUNCH_ARGS,
    viewport,
    timeout: 30_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: Request[] = [];
  const errors: string[] = [];
  const websockets: string[] = [];
  const frames: TestBrowser['frames'] = [];
  context.on('request', (r) => requests.push(r));
  page.on('websocket', (ws) => {
    websockets.push(ws.url());
    ws.on('framesent', (f) => frames.push({ url: ws.url(), dir: 'sent', payload: String(f.payload) }));
    ws.on('framereceived', (f) => frames.push({ url: ws.url(), dir: 'received', payload: String(f.payload) }));
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return {
    page,
    context,
    requests,
    websockets,
    frames,
    errors,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Requests and sockets to any host but the loopback address (data: and blob: URLs stay in the page). */
export function offHostUrls(urls: string[]): string[] {
  return urls.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return false;
    return url.hostname !== '127.0.0.1';
  });
}

/** Polls `check` every 50 ms until it is true; fails after `timeoutMs` naming `what`. */
export async function waitUntil(page: Page, check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await page.waitForTimeout(50);
  }
}
