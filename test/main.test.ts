/**
 * The compiled entry point as `npm start` runs it, outside Jest's NODE_ENV=test (where Apollo
 * changes its signal handling): it serves, and SIGTERM drains and exits cleanly.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshGraph, workerNeo4jUri } from './support/graph';
import { TEST_API_KEYS, TEST_KEYS } from './support/app';

const main = join(__dirname, '..', 'dist', 'src', 'main.js');

describe('main (compiled)', () => {
  it('serves and shuts down cleanly on SIGTERM', async () => {
    expect(existsSync(main)).toBe(true); // built by `npm test`'s pretest
    await (await freshGraph()).close();
    const staging = mkdtempSync(join(tmpdir(), 'cg-main-staging-'));
    const child = spawn(process.execPath, [main], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', NEO4J_URI: workerNeo4jUri(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', STAGING_DIR: staging, API_KEYS: TEST_API_KEYS },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
    try {
      const url = await new Promise<string>((res, rej) => {
        const timer = setInterval(() => {
          const m = /open (http:\/\/\S+\/graphql)/.exec(out);
          if (m) {
            clearInterval(timer);
            res(m[1]);
          }
        }, 100);
        void exited.then(() => {
          clearInterval(timer);
          rej(new Error(`main exited early:\n${out}`));
        });
      });
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_KEYS.viewer}` },
        body: JSON.stringify({ query: '{ creators(first: 1) { totalCount } }' }),
      });
      const body = (await res.json()) as any;
      expect(body.errors).toBeUndefined();
      expect(typeof body.data.creators.totalCount).toBe('number');
      // Production: no stack traces, no introspection, no X-Powered-By.
      expect(res.headers.get('x-powered-by')).toBeNull();
      const bad = (await (
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_KEYS.viewer}` },
          body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
        })
      ).json()) as any;
      expect(bad.errors[0].extensions.stacktrace).toBeUndefined();
      expect(bad.errors[0].message).toMatch(/introspection/i);
      expect(out).not.toContain(TEST_KEYS.admin);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toMatch(/"msg":"stopped"/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(staging, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses to start in production without API keys, saying why', async () => {
    const child = spawn(process.execPath, [main], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', NEO4J_URI: workerNeo4jUri(), PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((res) => child.once('exit', (c) => res(c)));
    expect(code).toBe(2);
    expect(out).toMatch(/API_KEYS: required when NODE_ENV=production/);
  }, 60_000);
});
