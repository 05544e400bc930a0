/**
 * Checks the real build output (scripts/build-web.mjs; `npm test` builds it first, and this file
 * builds it if it is missing or stale): every referenced asset exists, Monaco's workers are wired,
 * and nothing points at another host.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths';

const root = projectRoot();
const dist = join(root, 'src', 'web', 'dist');
const runBuild = () =>
  execFileSync(process.execPath, [join(root, 'scripts', 'build-web.mjs')], { cwd: root, encoding: 'utf8', timeout: 120_000 });

/** Asset URLs an HTML page loads over the network (data: URLs are inline). */
function assetUrls(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:'));
}

describe('build:web output', () => {
  beforeAll(() => {
    runBuild();
  }, 120_000);

  it('skips the build when nothing changed', () => {
    expect(runBuild()).toContain('up to date');
  });

  it.each(['playground', 'review', 'explore'])('%s/index.html loads only its own hashed bundles from this host', (page) => {
    const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
    const urls = assetUrls(html);
    expect(urls.some((u) => /\.js$/.test(u))).toBe(true);
    expect(urls.some((u) => /\.css$/.test(u))).toBe(true);
    for (const url of urls) {
      expect(url).toMatch(new RegExp(`^/${page}/[\\w.-]+-[A-Z2-7]{8}\\.(js|css)$`));
      expect(existsSync(join(dist, url))).toBe(true);
    }
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('content="%CG_GRAPHQL_PATH%"');
  });

  it('wires the three Monaco workers into the playground bundle', () => {
    const html = readFileSync(join(dist, 'playground', 'index.html'), 'utf8');
    const mainJs = assetUrls(html).find((u) => u.endsWith('.js'))!;
    const bundle = readFileSync(join(dist, mainJs), 'utf8');
    const workers = readdirSync(join(dist, 'playground')).filter((f) => /\.worker-[A-Z2-7]{8}\.js$/.test(f));
    expect(workers.map((w) => w.replace(/-.*$/, '')).sort()).toEqual(['editor.worker', 'graphql.worker', 'json.worker']);
    for (const worker of workers) expect(bundle).toContain(`/playground/${worker}`);
  });

  it('references no CDN or font service in any bundle', () => {
    const bundles = ['playground', 'review', 'explore'].flatMap((page) =>
      readdirSync(join(dist, page))
        .filter((f) => /\.(js|css)$/.test(f))
        .map((f) => join(dist, page, f)),
    );
    expect(bundles.length).toBeGreaterThanOrEqual(5);
    for (const file of bundles) {
      const text = readFileSync(file, 'utf8');
      for (const host of ['fonts.googleapis.com', 'fonts.gstatic.com', 'unpkg.com', 'cdn.jsdelivr.net', 'esm.sh', 'cdnjs.cloudflare.com', 'embeddable-sandbox']) {
        expect({ file, host, found: text.includes(host) }).toEqual({ file, host, found: false });
      }
    }
  });
});
