/**
 * Starts and stops the local Neo4j 5.26 Community that the project runs when NEO4J_URI is unset.
 *
 * The server is the Java main in scripts/neo4j (Neo4j embedded from Maven Central artifacts, Bolt
 * on loopback, auth off). We hold its stdin open: if this process dies, the JVM sees EOF and
 * shuts the store down cleanly, so no orphan keeps the store lock.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { Logger } from '../log';
import { silentLogger } from '../log';
import { projectRoot } from '../paths';

export interface LocalNeo4jOptions {
  /** Store folder; created when missing. Two servers need two folders (the store is locked). */
  dir: string;
  /** Preferred Bolt port; a free one is picked when it is taken. Default 7687. */
  port?: number;
  /** JVM heap, e.g. "1g". Default "1g". */
  heap?: string;
  /** Page cache in MiB. Default 256. */
  pageCacheMb?: number;
  /** How long to wait for the server to answer. Default 120 s. */
  startTimeoutMs?: number;
  /**
   * A folder of procedure jars (and the jars they need) to load: put on the launcher's classpath
   * and copied into the store's plugins/, where Neo4j looks for procedures. The app loads none; the
   * API benchmark loads APOC Core for the peer it measures (scripts/neo4j/apoc).
   */
  plugins?: string;
  logger?: Logger;
}

export interface LocalNeo4j {
  uri: string;
  port: number;
  dir: string;
  /** Milliseconds from spawn to the first answered query. */
  startMs: number;
  /** The JVM's process id (benchmarks read its CPU time). */
  pid: number;
  stop(): Promise<void>;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((res) => {
    const srv = createServer();
    srv.once('error', () => res(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => res(true)));
  });
}

function anyFreePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

export async function pickPort(preferred: number): Promise<number> {
  return (await portFree(preferred)) ? preferred : anyFreePort();
}

export function launcherClasspath(): string {
  const base = join(projectRoot(), 'scripts', 'neo4j', 'target');
  if (!existsSync(join(base, 'classes', 'creatorgraph', 'LocalNeo4j.class'))) {
    throw new Error('The local Neo4j launcher is not built: run `npm run build:neo4j` (needs Java 17 and Maven).');
  }
  return [join(base, 'classes'), join(base, 'lib', '*')].join(':');
}

export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  // Another process can take the port between our check and the JVM's bind: try a fresh one.
  let port = await pickPort(opts.port ?? 7687);
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(opts, port);
    } catch (err) {
      if (!(err instanceof PortTakenError) || attempt >= 4) throw err;
      port = await anyFreePort();
    }
  }
}

class PortTakenError extends Error {}

async function startOnce(opts: LocalNeo4jOptions, port: number): Promise<LocalNeo4j> {
  const log = opts.logger ?? silentLogger;
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  let classpath = launcherClasspath();
  if (opts.plugins) {
    const jars = readdirSync(opts.plugins).filter((f) => f.endsWith('.jar'));
    if (jars.length === 0) throw new Error(`no jars in ${opts.plugins}`);
    mkdirSync(join(dir, 'plugins'), { recursive: true });
    for (const j of jars) copyFileSync(join(opts.plugins, j), join(dir, 'plugins', j));
    classpath += `:${join(resolve(opts.plugins), '*')}`;
  }
  const args = [
    `-Xmx${opts.heap ?? '1g'}`,
    '-XX:+UseG1GC',
    '-cp',
    classpath,
    'creatorgraph.LocalNeo4j',
    '--home',
    dir,
    '--port',
    String(port),
    '--pagecache-mb',
    String(opts.pageCacheMb ?? 256),
  ];
  const started = Date.now();
  const child: ChildProcess = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stderr?.on('data', keep);

  const uri = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rej(new Error(`Local Neo4j did not start within ${opts.startTimeoutMs ?? 120000} ms:\n${output.join('')}`));
    }, opts.startTimeoutMs ?? 120000);
    let buf = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      keep(chunk);
      buf += chunk.toString();
      const m = /READY (bolt:\/\/\S+)/.exec(buf);
      if (m) {
        clearTimeout(timer);
        res(m[1]);
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      rej(new Error(`Could not run java for the local Neo4j: ${err.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const text = output.join('');
      if (/Address already in use|PortBindException/.test(text)) rej(new PortTakenError(`port ${port} taken`));
      else rej(new Error(`Local Neo4j exited with code ${code} before it was ready:\n${text}`));
    });
  });
  const startMs = Date.now() - started;
  log.info({ uri, dir, startMs }, 'local Neo4j ready');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= new Promise<void>((res) => {
      if (child.exitCode !== null) return res();
      const kill = setTimeout(() => child.kill('SIGKILL'), 30000);
      child.once('exit', () => {
        clearTimeout(kill);
        res();
      });
      child.stdin?.end();
      child.kill('SIGTERM');
    });
    return stopping;
  };
  return { uri, port, dir, startMs, pid: child.pid ?? -1, stop };
}
