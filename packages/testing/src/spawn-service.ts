import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export interface SpawnedService {
  url: string;
  output: () => string;
  stop(): Promise<void>;
  /** Ends the process with `signal` at once (SIGKILL: a crash, no cleanup) and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** The repository root, from this file's place in packages/testing/dist/src. */
export const repoRoot = resolve(import.meta.dirname, '../../../..');

/**
 * Starts a built deployable as its own process (deployables never import each other) and waits
 * until its `/ready` answers, the way `npm start` and an orchestrator run it.
 */
export async function spawnService(
  entry: string,
  port: number,
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<SpawnedService> {
  const child: ChildProcess = spawn(process.execPath, [resolve(repoRoot, entry)], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(`${url}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${entry} was not ready after ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
}
