#!/usr/bin/env node
/**
 * Builds the web pages the API serves (see src/web/serve.ts) into src/web/dist/:
 *
 *   playground/  GraphiQL 5 + React 19, one ESM bundle for the page, plus Monaco's three web
 *                workers (editor, JSON, GraphQL) as classic IIFE files whose hashed URLs are baked
 *                into the page bundle; index.html references everything by absolute path.
 *   review/      the review desk page (React, plain TSX).
 *   explore/     the graph explorer (React + Cytoscape.js with the fCoSE layout): a small entry that
 *                starts the first query, and the page as a chunk it import()s (modulepreloaded).
 *   manifest.json  what was built, from which inputs.
 *
 * Everything is bundled locally with esbuild: the pages fetch nothing from a CDN or font service.
 * Hashed file names let the server cache them forever; index.html files are never hashed.
 *
 * A build is skipped when every output is newer than every input (src/web sources, this script,
 * package-lock.json), so `npm test` re-runs stay fast. Flags:
 *   --force          build even when outputs look fresh
 *   --no-typecheck   skip `tsc -p src/web/tsconfig.json` (the browser code's type check)
 *   --quiet          print nothing on success
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const webDir = join(root, 'src', 'web');
const distDir = join(webDir, 'dist');
const stampFile = join(distDir, 'manifest.json');
const require = createRequire(join(root, 'package.json'));

const args = new Set(process.argv.slice(2));
const force = args.has('--force');
const typecheck = !args.has('--no-typecheck');
const quiet = args.has('--quiet');
const say = (msg) => quiet || process.stdout.write(`[build:web] ${msg}\n`);

/** Every file under dir, skipping the build output. */
function filesUnder(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== distDir) out.push(...filesUnder(path));
    } else out.push(path);
  }
  return out;
}

function newestInput() {
  const inputs = [...filesUnder(webDir), fileURLToPath(import.meta.url), join(root, 'package-lock.json')];
  return Math.max(...inputs.filter(existsSync).map((f) => statSync(f).mtimeMs));
}

function isFresh() {
  if (!existsSync(stampFile)) return false;
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return false;
  }
  const outputs = [...Object.values(manifest.pages ?? {}).map((p) => p.html), ...(manifest.files ?? [])];
  if (outputs.length === 0 || !outputs.every((f) => existsSync(join(distDir, f)))) return false;
  return statSync(stampFile).mtimeMs > newestInput();
}

const common = {
  bundle: true,
  minify: true,
  target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  // Monaco's codicon font and graphiql's fonts: copied next to the bundle, never fetched elsewhere.
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
  assetNames: 'assets/[name]-[hash]',
};

/** Output files of one esbuild result, relative to dist. */
function outputsOf(result, outDir) {
  return Object.keys(result.metafile.outputs).map((f) => relative(outDir, join(root, f)));
}

/**
 * The entry's JS and CSS output names (relative to its page folder). With code splitting, esbuild
 * marks import()ed modules as entry points too: only the page's own entry goes in a script tag.
 */
function entryOutputs(result, pageDir, entryFile) {
  const js = [];
  const css = [];
  for (const [file, meta] of Object.entries(result.metafile.outputs)) {
    if (!meta.entryPoint || (entryFile && join(root, meta.entryPoint) !== entryFile)) continue;
    const rel = relative(pageDir, join(root, file));
    js.push(rel);
    if (meta.cssBundle) css.push(relative(pageDir, join(root, meta.cssBundle)));
  }
  return { js, css };
}

/**
 * Every chunk the entry loads, statically or through import(), transitively (relative to its page
 * folder): the page lists them as modulepreload so they download alongside the entry script.
 */
function chunksOf(result, pageDir) {
  const outputs = result.metafile.outputs;
  const seen = new Set();
  const visit = (file) => {
    for (const imp of outputs[file]?.imports ?? []) {
      if (imp.external || seen.has(imp.path) || !imp.path.endsWith('.js')) continue;
      seen.add(imp.path);
      visit(imp.path);
    }
  };
  for (const [file, meta] of Object.entries(outputs)) if (meta.entryPoint) visit(file);
  return [...seen].map((f) => relative(pageDir, join(root, f)));
}

function writeHtml(template, pageDir, urlPrefix, { js, css, preload = [] }) {
  const tags = [
    ...css.map((f) => `<link rel="stylesheet" href="${urlPrefix}${f}" />`),
    ...preload.map((f) => `<link rel="modulepreload" href="${urlPrefix}${f}" />`),
    ...js.map((f) => `<script type="module" src="${urlPrefix}${f}"></script>`),
  ].join('\n    ');
  const html = readFileSync(template, 'utf8');
  if (!html.includes('<!-- assets -->')) throw new Error(`${template} lacks the <!-- assets --> marker`);
  writeFileSync(join(pageDir, 'index.html'), html.replace('<!-- assets -->', tags));
}

async function buildPlayground(outRoot) {
  const pageDir = join(outRoot, 'playground');
  const workerEntries = {
    'editor.worker': require.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
    'json.worker': require.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
    'graphql.worker': require.resolve('monaco-graphql/esm/graphql.worker.js'),
  };
  const workers = await build({
    ...common,
    entryPoints: workerEntries,
    format: 'iife',
    outdir: pageDir,
    entryNames: '[name]-[hash]',
  });
  const workerUrl = {};
  for (const [file, meta] of Object.entries(workers.metafile.outputs)) {
    if (!meta.entryPoint) continue;
    const name = basename(file).replace(/\.worker-.*$/, '');
    workerUrl[name] = `/playground/${relative(pageDir, join(root, file))}`;
  }
  for (const key of ['editor', 'json', 'graphql']) {
    if (!workerUrl[key]) throw new Error(`the ${key} worker was not built`);
  }
  const page = await build({
    ...common,
    entryPoints: { main: join(webDir, 'playground', 'main.tsx') },
    format: 'esm',
    jsx: 'automatic',
    outdir: pageDir,
    entryNames: '[name]-[hash]',
    // No source map: it would be 20 MB of third-party code (GraphiQL and Monaco).
    define: { ...common.define, __CG_MONACO_WORKERS__: JSON.stringify(workerUrl) },
  });
  writeHtml(join(webDir, 'playground', 'index.html'), pageDir, '/playground/', entryOutputs(page, pageDir));
  return [...outputsOf(workers, outRoot), ...outputsOf(page, outRoot), 'playground/index.html'];
}

async function buildReview(outRoot) {
  const pageDir = join(outRoot, 'review');
  const page = await build({
    ...common,
    entryPoints: { main: join(webDir, 'review', 'main.tsx') },
    format: 'esm',
    jsx: 'automatic',
    outdir: pageDir,
    entryNames: '[name]-[hash]',
    sourcemap: 'linked',
  });
  writeHtml(join(webDir, 'review', 'index.html'), pageDir, '/review/', entryOutputs(page, pageDir));
  return [...outputsOf(page, outRoot), 'review/index.html'];
}

async function buildExplore(outRoot) {
  const pageDir = join(outRoot, 'explore');
  const page = await build({
    ...common,
    entryPoints: { main: join(webDir, 'explore', 'main.tsx') },
    format: 'esm',
    jsx: 'automatic',
    outdir: pageDir,
    entryNames: '[name]-[hash]',
    // The entry starts the first query, then import()s the React page (see explore/main.tsx).
    splitting: true,
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
  });
  writeHtml(join(webDir, 'explore', 'index.html'), pageDir, '/explore/', { ...entryOutputs(page, pageDir, join(webDir, 'explore', 'main.tsx')), preload: chunksOf(page, pageDir) });
  return [...outputsOf(page, outRoot), 'explore/index.html'];
}

async function main() {
  if (!force && isFresh()) {
    say('up to date (use --force to rebuild)');
    return;
  }
  const t0 = Date.now();
  if (typecheck) {
    const tsc = require.resolve('typescript/bin/tsc');
    try {
      execFileSync(process.execPath, [tsc, '--noEmit', '-p', join(webDir, 'tsconfig.json')], { cwd: root, stdio: 'pipe' });
    } catch (err) {
      process.stderr.write(String(err.stdout ?? '') + String(err.stderr ?? ''));
      throw new Error('type errors in src/web (see above)');
    }
  }
  // Build beside the live output and swap at the end, so a running server never serves a half build.
  const staging = join(distDir, `.building-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const files = [...(await buildPlayground(staging)), ...(await buildReview(staging)), ...(await buildExplore(staging))];
    for (const page of ['playground', 'review', 'explore']) {
      rmSync(join(distDir, page), { recursive: true, force: true });
      renameSync(join(staging, page), join(distDir, page));
    }
    const manifest = {
      builtAt: new Date().toISOString(),
      pages: { playground: { html: 'playground/index.html' }, review: { html: 'review/index.html' }, explore: { html: 'explore/index.html' } },
      files: files.sort(),
    };
    writeFileSync(stampFile, JSON.stringify(manifest, null, 2) + '\n');
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  say(`built playground, review desk and explorer into ${relative(root, distDir)}/ in ${Date.now() - t0} ms`);
}

main().catch((err) => {
  process.stderr.write(`[build:web] failed: ${err?.stack ?? err}\n`);
  process.exit(1);
});
