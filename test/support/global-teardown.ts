import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const servers = globalThis.__CG_NEO4J__ ?? [];
  await Promise.all(servers.map((s) => s.stop()));
  for (const s of servers) rmSync(s.dir, { recursive: true, force: true });
}
