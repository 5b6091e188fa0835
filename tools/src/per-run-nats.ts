import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@mymeet/testing';
import { isNatsReachable, type NatsHandle } from './local-nats.js';
import { waitFor } from './wait-for.js';

/**
 * A throwaway `nats-server -js` on a free loopback port with its store in a temp folder, so a test
 * run never takes a running platform's jobs, deletes its messages or meets another run's consumers.
 * Returns undefined when no nats-server binary exists.
 */
export async function startPerRunNats(log: (line: string) => void): Promise<NatsHandle | undefined> {
  const binary = process.env.NATS_SERVER_BIN ?? 'nats-server';
  if (spawnSync(binary, ['--version']).status !== 0) return undefined;
  const port = await freePort();
  const storeDir = mkdtempSync(join(tmpdir(), 'mymeet-nats-'));
  const url = `nats://127.0.0.1:${port}`;
  const child = spawn(binary, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor('per-run nats-server', () => isNatsReachable(url), 15_000);
  log(`per-run NATS with JetStream at ${url}`);
  return {
    url,
    embedded: true,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}
