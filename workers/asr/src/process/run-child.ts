import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/**
 * Runs the command so that it dies with this process: a watcher reads our end of a pipe and kills
 * the command when the pipe closes (this process exited, even by SIGKILL, or the caller aborted).
 * Without it a decoder would keep a core busy for minutes after its worker was killed.
 */
const TIED = [
  'exec 3<&0',
  '"$@" </dev/null &',
  'child=$!',
  '( while read -r _; do :; done <&3; kill -9 "$child" 2>/dev/null ) &',
  'watcher=$!',
  'wait "$child"; status=$?',
  'kill "$watcher" 2>/dev/null',
  'exit "$status"',
].join('\n');

export interface ChildOptions {
  signal?: AbortSignal;
  /** Each line the command writes to stderr. */
  onStderrLine?: (line: string) => void;
  /** Receives stdout as a stream; when absent stdout is discarded. */
  onStdout?: (stdout: Readable) => void;
  /** Kept for error messages. */
  stderrTailBytes?: number;
  cwd?: string;
}

export interface ChildResult {
  exitCode: number | null;
  aborted: boolean;
  /** The end of stderr, for error messages. */
  stderrTail: string;
}

export function runChild(
  command: string,
  args: readonly string[],
  options: ChildOptions = {},
): Promise<ChildResult> {
  const tail = options.stderrTailBytes ?? 4_000;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      resolve({ exitCode: null, aborted: true, stderrTail: '' });
      return;
    }
    const child: ChildProcess = spawn('sh', ['-c', TIED, 'sh', command, ...args], {
      stdio: ['pipe', options.onStdout ? 'pipe' : 'ignore', 'pipe'],
      cwd: options.cwd,
    });
    let stderrTail = '';
    let aborted = false;
    const abort = () => {
      aborted = true;
      child.stdin?.destroy();
    };
    options.signal?.addEventListener('abort', abort, { once: true });
    child.stdin?.on('error', () => undefined);
    if (options.onStdout && child.stdout) options.onStdout(child.stdout);
    createInterface({ input: child.stderr! }).on('line', (line) => {
      stderrTail = (stderrTail + line + '\n').slice(-tail);
      options.onStderrLine?.(line);
    });
    child.once('error', (error) => {
      options.signal?.removeEventListener('abort', abort);
      reject(error);
    });
    child.once('close', (exitCode) => {
      options.signal?.removeEventListener('abort', abort);
      resolve({ exitCode, aborted, stderrTail });
    });
  });
}
