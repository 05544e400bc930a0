/**
 * Progress for the long jobs: cli-progress bars on a terminal, one plain line per step elsewhere
 * (CI logs, pipes, tests), so the same commands read well in both.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  /** Sets a named bar's position and total (creating the bar on first use). */
  update(name: string, value: number, total: number): void;
  stop(): void;
}

export function createProgress(out: NodeJS.WritableStream & { isTTY?: boolean }): Progress {
  if (out.isTTY) {
    const multi = new cliProgress.MultiBar(
      { format: ' {name} |{bar}| {value}/{total} {percentage}% {duration_formatted}', hideCursor: true, clearOnComplete: false, stream: out as NodeJS.WriteStream },
      cliProgress.Presets.shades_classic,
    );
    const bars = new Map<string, cliProgress.SingleBar>();
    return {
      update(name, value, total) {
        let bar = bars.get(name);
        if (!bar) {
          bar = multi.create(total, 0, { name: name.padEnd(16) });
          bars.set(name, bar);
        }
        bar.setTotal(total);
        bar.update(value, { name: name.padEnd(16) });
      },
      stop: () => multi.stop(),
    };
  }
  // Without a terminal: a line when a bar starts, every 10 %, and when it ends.
  const last = new Map<string, number>();
  return {
    update(name, value, total) {
      const step = total > 0 ? Math.floor((value / total) * 10) : 0;
      if (last.get(name) === step && value !== total) return;
      if (last.get(name) === 10) return;
      last.set(name, value === total ? 10 : step);
      out.write(`${name}: ${value}/${total}\n`);
    },
    stop: () => undefined,
  };
}
