/**
 * Named Cypher queries: every statement the service runs lives in cypher/queries/<group>/<name>.cypher
 * and is referred to by "<group>/<name>". Values always travel as parameters; no code builds Cypher
 * from strings, so a query in a file is the query that runs (sent without its comments).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '../paths';
import { compactCypher } from './cypher-text';

let cache: Map<string, string> | undefined;

function loadAll(): Map<string, string> {
  const base = join(projectRoot(), 'cypher', 'queries');
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.cypher')) {
        // Sent without its comments (cypher-text.ts): the files are for reading, the wire for running.
        out.set(relative(base, p).replace(/\\/g, '/').replace(/\.cypher$/, ''), compactCypher(readFileSync(p, 'utf8')));
      }
    }
  };
  walk(base);
  return out;
}

export function cypher(name: string): string {
  cache ??= loadAll();
  const text = cache.get(name);
  if (text === undefined) throw new Error(`no Cypher query named "${name}" in cypher/queries`);
  return text;
}

export function queryNames(): string[] {
  cache ??= loadAll();
  return [...cache.keys()].sort();
}
