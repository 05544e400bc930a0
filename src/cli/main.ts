/**
 * `npm run cli -- <command> [options]`: the long jobs (ingest, backfill, replay, match) with
 * progress bars and a summary at the end, on the same configuration and wiring as `npm start`.
 * Exit codes: 0 done, 1 failed, 2 bad usage or configuration.
 */
import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadConfig, type Config } from '../config';
import { createLogger, type Logger } from '../log';
import { COMMANDS, UsageError, type CommandName, type Summary } from './commands';
import { openCliContext } from './context';
import { createProgress } from './progress';

export const USAGE = `usage: npm run cli -- <command> [options]

commands:
  ingest     refresh tracked profiles and posts now   [--platform tiktok|x] [--tiers TIER1,ACTIVE,LONG_TAIL]
                                                       [--profiles-only | --posts-only]
  backfill   load the backfill window still missing   [--days N] [--world: first track the simulated world]
  replay     rebuild the graph from raw staging        [--dir DIR (default STAGING_DIR)]
  match      the full matching run                     [--discover: first look for one-platform creators' counterparts]
  export     the cross_platform_creators dimension     [--format csv|parquet|csv,parquet --out DIR]
             (also upserted into PostgreSQL when WAREHOUSE_URL is set)

options: --json prints the summary as JSON; --help shows this.
Configuration comes from the environment (and .env), as for npm start.`;

export interface CliIo {
  out: NodeJS.WritableStream & { isTTY?: boolean };
  err: NodeJS.WritableStream;
}

/** Prints a summary as aligned "key  value" lines. */
export function formatSummary(title: string, s: Summary): string {
  const width = Math.max(...Object.keys(s).map((k) => k.length));
  return [`\n${title}`, ...Object.entries(s).map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)].join('\n') + '\n';
}

/** Runs one CLI invocation; returns the exit code. `config`/`logger` are injectable for tests. */
export async function runCli(
  argv: string[],
  io: CliIo = { out: process.stdout, err: process.stderr },
  deps: { config?: Config; logger?: Logger } = {},
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        platform: { type: 'string' },
        tiers: { type: 'string' },
        'profiles-only': { type: 'boolean' },
        'posts-only': { type: 'boolean' },
        days: { type: 'string' },
        world: { type: 'boolean' },
        discover: { type: 'boolean' },
        dir: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    io.err.write(`${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const [name, ...rest] = parsed.positionals;
  if (parsed.values.help || !name) {
    (parsed.values.help ? io.out : io.err).write(`${USAGE}\n`);
    return parsed.values.help ? 0 : 2;
  }
  if (!(name in COMMANDS) || rest.length > 0) {
    io.err.write(`unknown command "${[name, ...rest].join(' ')}"\n\n${USAGE}\n`);
    return 2;
  }
  let config: Config;
  try {
    config = deps.config ?? loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  // Logs only at warn and above unless LOG_LEVEL asks for more, so the bars stay readable.
  const logger = deps.logger ?? createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const ctx = await openCliContext(config, logger);
  const progress = createProgress(io.out);
  try {
    const summary = await COMMANDS[name as CommandName](ctx, parsed.values, progress);
    progress.stop();
    io.out.write(parsed.values.json ? JSON.stringify({ command: name, ...summary }) + '\n' : formatSummary(`${name}: done`, summary));
    return 0;
  } catch (err) {
    progress.stop();
    if (err instanceof UsageError) {
      io.err.write(`${err.message}\n`);
      return 2;
    }
    io.err.write(`${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  } finally {
    await ctx.close();
  }
}

if (require.main === module) {
  loadDotenv({ quiet: true });
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      process.exit(1);
    },
  );
}
