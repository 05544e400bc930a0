// Fetches APOC Core (org.neo4j.procedure:apoc-core, the Neo4j version's release) and the jars it
// needs from Maven Central into scripts/neo4j/target/apoc/, for the API benchmark only: its peer,
// @neo4j/graphql, formats DateTimes with apoc.date.convertFormat. The app never loads it.
// Prints the folder (its only line on stdout); does nothing when the jars are already there and newer than the pom.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'target', 'apoc');
const pom = join(here, 'pom.xml');
// Maven keeps the jars' own dates, so a stamp written after a good fetch tells whether it is current.
const stamp = join(out, '.fetched');
const jars = existsSync(out) ? readdirSync(out).filter((f) => f.startsWith('apoc-core') && f.endsWith('.jar')) : [];
if (jars.length === 0 || !existsSync(stamp) || statSync(stamp).mtimeMs < statSync(pom).mtimeMs) {
  console.error('Fetching APOC Core for the API benchmark from Maven Central...');
  // Maven's output goes to stderr: this script's stdout is the folder, read by bench/run.ts.
  const mvn = spawnSync('mvn', ['-q', '-B', '-Dstyle.color=never', '-f', pom, 'package'], { stdio: ['ignore', 2, 2] });
  if (mvn.status !== 0) {
    console.error('Maven failed to fetch APOC Core; see its output above.');
    process.exit(mvn.status ?? 1);
  }
  writeFileSync(stamp, new Date().toISOString() + '\n');
}
console.log(out);
