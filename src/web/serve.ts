/**
 * Serves the pages built by `npm run build:web` (scripts/build-web.mjs) from the API's express app:
 *
 *   GET /playground/*, /review/*, /explore/*  the bundles; content-hashed files are cached for a year
 *   GET /review                   the review desk
 *   GET /explore                  the graph explorer (any query string: it holds what is open)
 *   GET /playground               the GraphQL playground
 *   GET <graphqlPath>             the playground too, but only for a browser navigation (the
 *                                 request prefers text/html); every other request, GraphQL GETs
 *                                 included, goes on to the API (`next()`); ws upgrades never pass here.
 *
 * Mount it before the GraphQL middleware. When the build output is missing every page and asset
 * answers 503 saying how to build it, rather than a confusing 404 or the API's JSON error.
 */
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../paths';
import { DEFAULT_GRAPHQL_PATH, DEMO_KEY_PLACEHOLDER, GRAPHQL_PATH_PLACEHOLDER } from './page-config';

export interface MountWebOptions {
  /** Path of the GraphQL endpoint: the playground is offered there and the pages call it. Default '/graphql'. */
  graphqlPath?: string;
  /** Folder holding the build output (playground/, review/, explore/). Default `<project root>/src/web/dist`. */
  distDir?: string;
  /** Serve the playground (PLAYGROUND; off by default in production). Default true. */
  playground?: boolean;
  /**
   * The admin key generated for a local demo started without API_KEYS: written into the pages so
   * they work at once. Never set when keys are configured (the pages then ask for a key).
   */
  demoKey?: string;
}

type Page = 'playground' | 'review' | 'explore';

/** esbuild's `[name]-[hash]` names: an 8-character base32 hash before the extension(s). */
const HASHED = /-[A-Z2-7]{8}\.[A-Za-z0-9.]+$/;
const LONG_CACHE = 'public, max-age=31536000, immutable';

/**
 * Nothing but our own origin: the pages must work offline and leak nothing. Monaco injects styles,
 * and the review desk shows avatars from the providers' image hosts (fetched without a referrer).
 */
const CSP: Record<Page, string> = {
  playground: [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  review: [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  // Cytoscape draws on canvas and sets inline styles on its container; no images from elsewhere.
  explore: [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
};

export const NOT_BUILT_MESSAGE = 'The web pages are not built. Run `npm run build:web` and reload.';

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** True for a browser navigation: text/html is preferred over the GraphQL response types. */
export function prefersHtml(req: Request): boolean {
  return req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

export function mountWeb(app: Express, opts: MountWebOptions = {}): void {
  const graphqlPath = opts.graphqlPath ?? DEFAULT_GRAPHQL_PATH;
  const distDir = opts.distDir ?? join(projectRoot(), 'src', 'web', 'dist');

  const notBuilt = (res: Response) => {
    res.status(503).set('Cache-Control', 'no-store').type('text/plain').send(NOT_BUILT_MESSAGE);
  };

  // Read per request (a few hundred bytes): a rebuild is picked up without a restart.
  const sendPage = async (page: Page, res: Response, next: NextFunction) => {
    const file = join(distDir, page, 'index.html');
    let html: string;
    try {
      html = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return notBuilt(res);
      return next(err);
    }
    res
      .status(200)
      .set({
        'Cache-Control': 'no-cache',
        'Content-Security-Policy': CSP[page],
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      })
      .type('html')
      .send(
        html
          .split(GRAPHQL_PATH_PLACEHOLDER)
          .join(escapeAttribute(graphqlPath))
          .split(DEMO_KEY_PLACEHOLDER)
          .join(escapeAttribute(opts.demoKey ?? '')),
      );
  };

  const assets = (page: Page): RequestHandler => {
    const serve = express.static(join(distDir, page), {
      index: false,
      redirect: false,
      fallthrough: true,
      setHeaders(res, path) {
        res.setHeader('Cache-Control', HASHED.test(path) ? LONG_CACHE : 'no-cache');
        res.setHeader('X-Content-Type-Options', 'nosniff');
      },
    });
    return (req, res, next) => {
      if (!existsSync(join(distDir, page))) return notBuilt(res);
      serve(req, res, (err?: unknown) => {
        if (err) return next(err);
        // An asset path that is not in the build: answer here rather than reach the API's routes.
        res.status(404).type('text/plain').send('Not found');
      });
    };
  };

  app.get(['/review', '/review/'], (_req, res, next) => void sendPage('review', res, next));
  app.use('/review', assets('review'));
  app.get(['/explore', '/explore/'], (_req, res, next) => void sendPage('explore', res, next));
  app.use('/explore', assets('explore'));
  if (opts.playground === false) return;
  app.get(['/playground', '/playground/'], (_req, res, next) => void sendPage('playground', res, next));
  app.use('/playground', assets('playground'));
  app.get(graphqlPath, (req, res, next) => {
    if (!prefersHtml(req)) return next();
    void sendPage('playground', res, next);
  });
}
