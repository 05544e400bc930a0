/**
 * The GraphQL over HTTP conformance audit (graphql-http's auditServer) against our /graphql, with
 * a viewer key: every MUST and every SHOULD passes; MAY findings are printed. The three MAYs left
 * are GET requests without a preflight header, which Apollo's CSRF prevention refuses on purpose.
 */
import { auditServer } from 'graphql-http';
import { startTestApp, TEST_KEYS, type TestApp } from '../../support/app';

jest.setTimeout(120_000);

describe('graphql-http audit', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it('passes every MUST', async () => {
    const results = await auditServer({
      url: app.url,
      fetchFn: (input: string | URL | Request, init?: RequestInit) => {
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${TEST_KEYS.viewer}`);
        return fetch(input, { ...init, headers });
      },
    });
    const failed = results.filter((r) => r.status !== 'ok');
    const musts = failed.filter((r) => r.name.startsWith('MUST'));
    const summary = results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
    console.log(
      `[audit] ${results.length} audits: ${JSON.stringify(summary)}\n` +
        failed.map((r) => `  ${r.status.toUpperCase()} ${r.name}${'reason' in r ? `: ${r.reason}` : ''}`).join('\n'),
    );
    expect(musts.map((r) => r.name)).toEqual([]);
    expect(failed.filter((r) => r.name.startsWith('SHOULD')).map((r) => r.name)).toEqual([]);
  });
});
