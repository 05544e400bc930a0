/**
 * Applies cypher/migrations/NNN_name.cypher in order at start-up. Each applied file is recorded
 * as a (:Migration {id, checksum, appliedAt}) node, so it runs once; the statements themselves
 * are idempotent too (IF NOT EXISTS, MERGE), so a crash between a statement and its record is
 * harmless. A recorded migration whose file changed is an error: history is not rewritten.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log';
import { silentLogger } from '../log';
import { projectRoot } from '../paths';
import type { GraphClient } from './graph-client';

export interface Migration {
  id: string;
  checksum: string;
  statements: string[];
}

export function loadMigrations(dir = join(projectRoot(), 'cypher', 'migrations')): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.cypher$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const statements = text
        .split('\n')
        .filter((l) => !l.trim().startsWith('//'))
        .join('\n')
        .split(/;\s*(?:\n|$)/)
        .map((s) => s.trim())
        .filter(Boolean);
      return {
        id: file.replace(/\.cypher$/, ''),
        checksum: createHash('sha256').update(text).digest('hex').slice(0, 16),
        statements,
      };
    });
}

export async function migrate(graph: GraphClient, logger: Logger = silentLogger): Promise<string[]> {
  const migrations = loadMigrations();
  // The first migration creates the constraint on :Migration itself, so it may not exist yet.
  const recorded = new Map(
    (await graph.runText('MATCH (m:Migration) RETURN m.id AS id, m.checksum AS checksum')).map((r) => [
      r.id as string,
      r.checksum as string,
    ]),
  );
  const applied: string[] = [];
  for (const m of migrations) {
    const prior = recorded.get(m.id);
    if (prior !== undefined) {
      if (prior !== m.checksum) {
        throw new Error(`migration ${m.id} was changed after it was applied (checksum ${prior} -> ${m.checksum})`);
      }
      continue;
    }
    for (const s of m.statements) await graph.runText(s);
    await graph.runText(
      'MERGE (m:Migration {id: $id}) ON CREATE SET m.checksum = $checksum, m.appliedAt = datetime()',
      { id: m.id, checksum: m.checksum },
    );
    applied.push(m.id);
    logger.info({ migration: m.id }, 'migration applied');
  }
  if (applied.length > 0) await graph.runText('CALL db.awaitIndexes(300)');
  return applied;
}
