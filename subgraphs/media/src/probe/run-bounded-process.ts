import { spawn } from 'node:child_process';

export interface BoundedProcessOptions {
  timeoutMs: number;
  /** Keep at most this many bytes of each output stream. */
  maxOutputBytes?: number;
  /** 'tail' keeps the end of stdout (for scans where only the last lines matter). */
  keepStdout?: 'head' | 'tail';
}

export interface BoundedProcessResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a command with bounded time and memory; on timeout the child is killed, not left behind. */
export function runBoundedProcess(
  command: string,
  args: string[],
  options: BoundedProcessOptions,
): Promise<BoundedProcessResult> {
  const max = options.maxOutputBytes ?? 1024 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = new BoundedText(max, options.keepStdout ?? 'head');
    const stderr = new BoundedText(max, 'head');
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.add(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.add(chunk));
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, stdout: stdout.text(), stderr: stderr.text(), timedOut });
    });
  });
}

class BoundedText {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(
    private readonly max: number,
    private readonly keep: 'head' | 'tail',
  ) {}

  add(chunk: Buffer): void {
    if (this.keep === 'head') {
      if (this.size >= this.max) return;
      const part = chunk.subarray(0, this.max - this.size);
      this.chunks.push(part);
      this.size += part.length;
      return;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size - (this.chunks[0]?.length ?? 0) >= this.max) this.size -= this.chunks.shift()!.length;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
