import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const COLORS = [36, 33, 35, 32, 34, 91, 96, 93];

/** Runs child processes with prefixed output and stops them all together. */
export class ProcessSupervisor {
  private readonly children: Array<{ name: string; child: ChildProcess }> = [];
  private stopping = false;

  constructor(private readonly onUnexpectedExit: (name: string, code: number | null) => void) {}

  start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): ChildProcess {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const color = COLORS[this.children.length % COLORS.length];
    const prefix = process.stdout.isTTY
      ? `\u001b[${color}m${name.padEnd(14)}\u001b[0m|`
      : `${name.padEnd(14)}|`;
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream }).on('line', (line) => console.log(`${prefix} ${line}`));
    }
    child.on('exit', (code) => {
      if (!this.stopping) this.onUnexpectedExit(name, code);
    });
    this.children.push({ name, child });
    return child;
  }

  /**
   * SIGTERM in reverse start order, then SIGKILL whatever is still running after the grace period.
   * Children may already be gone (a terminal's Ctrl-C or `docker stop` signals the whole group, so they
   * die in any order): a child killed by a signal has no exit code, only a signal code.
   */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    for (const { child } of [...this.children].reverse()) {
      if (hasExited(child)) continue;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      if (hasExited(child)) continue;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}
