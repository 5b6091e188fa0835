import { performance } from 'node:perf_hooks';

export interface ProgressBar {
  /** Moves the bar to `done` of the total. */
  update(done: number): void;
  /** Draws the final state and ends the line. */
  finish(): void;
}

/**
 * A progress bar for command-line jobs (`npm run reindex`, benchmark seeding) on stderr: redrawn in
 * place on a terminal, one line per tenth otherwise (CI logs), with the rate and the time left.
 */
export function progressBar(
  label: string,
  total: number,
  unit: string,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressBar {
  const started = performance.now();
  let lastTenth = -1;
  let lastDraw = 0;
  const line = (done: number) => {
    const fraction = total === 0 ? 1 : Math.min(1, done / total);
    const width = 30;
    const filled = Math.round(fraction * width);
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const left = rate > 0 ? (total - done) / rate : 0;
    return (
      `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ` +
      `${done.toLocaleString('en')}/${total.toLocaleString('en')} ${unit}, ${rate.toFixed(0)}/s` +
      (done < total ? `, ${left.toFixed(0)} s left` : ` in ${seconds.toFixed(1)} s`)
    );
  };
  return {
    update(done) {
      if (stream.isTTY) {
        const now = performance.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        stream.write(`\r${line(done)}`);
        return;
      }
      const tenth = Math.floor((total === 0 ? 1 : done / total) * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`${line(done)}\n`);
      }
    },
    finish() {
      if (stream.isTTY) stream.write(`\r${line(total)}\n`);
      else if (lastTenth < 10) stream.write(`${line(total)}\n`);
    },
  };
}
