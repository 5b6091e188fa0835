import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { connect } from 'nats';
import { natsServers } from '@mymeet/messaging';
import { waitFor } from './wait-for.js';

export interface NatsHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function isNatsReachable(url: string): Promise<boolean> {
  try {
    const nc = await connect({ ...natsServers(url), timeout: 2_000, reconnect: false });
    const jetstream = await nc
      .jetstreamManager()
      .then(() => true)
      .catch(() => false);
    await nc.close();
    return jetstream;
  } catch {
    return false;
  }
}

/** Uses NATS at `url` when it answers with JetStream; otherwise starts `nats-server -js` if the binary exists. */
export async function ensureNats(
  url: string,
  dataDir: string,
  log: (line: string) => void,
): Promise<NatsHandle> {
  if (await isNatsReachable(url)) return { url, embedded: false, stop: async () => undefined };
  const binary = process.env.NATS_SERVER_BIN ?? 'nats-server';
  if (spawnSync(binary, ['--version']).status !== 0) {
    throw new Error(
      `NATS with JetStream is not reachable at ${url} and no nats-server binary was found.\n` +
        '  Debian/Ubuntu: sudo apt-get install nats-server   (or set NATS_URL to a running NATS with JetStream)',
    );
  }
  const { port, hostname } = new URL(url.split(',')[0]!.replace(/^nats:/, 'http:'));
  const storeDir = resolve(dataDir, 'nats');
  mkdirSync(storeDir, { recursive: true });
  log(`NATS at ${url} is not reachable; starting nats-server -js with its store in ${storeDir}`);
  const child: ChildProcess = spawn(binary, ['-js', '-a', hostname, '-p', port || '4222', '-sd', storeDir], {
    stdio: 'ignore',
  });
  await waitFor('nats-server', () => isNatsReachable(url), 15_000);
  return {
    url,
    embedded: true,
    stop: async () => {
      child.kill('SIGTERM');
    },
  };
}
