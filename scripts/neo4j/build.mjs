// Builds the local Neo4j launcher (scripts/neo4j) with Maven when its classes or dependency
// jars are missing or older than its sources. Maven resolves Neo4j from Maven Central once and
// keeps it in ~/.m2, so later builds take seconds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, 'target');
const marker = join(target, 'classes', 'creatorgraph', 'LocalNeo4j.class');
const lib = join(target, 'lib');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sourcesAt = Math.max(newest(join(here, 'src')), statSync(join(here, 'pom.xml')).mtimeMs);
const upToDate =
  existsSync(marker) && existsSync(lib) && readdirSync(lib).length > 0 && statSync(marker).mtimeMs >= sourcesAt;

if (upToDate) {
  process.exit(0);
}
const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
if (java.status !== 0) {
  console.error('The local Neo4j needs Java 17 or newer on PATH (java -version failed). Or set NEO4J_URI.');
  process.exit(1);
}
console.log('Building the local Neo4j launcher with Maven (first run downloads Neo4j 5.26 from Maven Central)...');
const mvn = spawnSync('mvn', ['-q', '-B', '-f', join(here, 'pom.xml'), 'clean', 'package'], { stdio: 'inherit' });
if (mvn.status !== 0) {
  console.error('Maven failed to build scripts/neo4j; see its output above. Or set NEO4J_URI to use an existing server.');
  process.exit(mvn.status ?? 1);
}
