/**
 * Tells Monaco where its web workers are. The build script bundles each worker as its own IIFE file
 * (classic workers, no module-worker support needed) with a content hash in the name, and passes
 * the resulting URLs in as the `__CG_MONACO_WORKERS__` constant.
 */

declare const __CG_MONACO_WORKERS__: { editor: string; json: string; graphql: string };

(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    const urls = __CG_MONACO_WORKERS__;
    if (label === 'graphql') return new Worker(urls.graphql, { name: 'graphql' });
    if (label === 'json') return new Worker(urls.json, { name: 'json' });
    return new Worker(urls.editor, { name: label || 'editor' });
  },
};

export {};
