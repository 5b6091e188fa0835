import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import { freePort } from '@mymeet/testing';

export interface OwnNats {
  url: string;
  /** Stops the server (its store stays) and starts it again on the same port and store. */
  restart(downMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** A `nats-server -js` of the test's own, so the test can take it down and bring it back. */
export async function startOwnNats(): Promise<OwnNats> {
  const port = await freePort();
  const storeDir = mkdtempSync(join(tmpdir(), 'mymeet-subs-nats-'));
  const url = `nats://127.0.0.1:${port}`;
  let child: ChildProcess;
  const start = async () => {
    child = spawn(
      process.env.NATS_SERVER_BIN ?? 'nats-server',
      ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir],
      {
        stdio: 'ignore',
      },
    );
    const deadline = Date.now() + 15_000;
    for (;;) {
      const nc = await connect({ servers: url, reconnect: false }).catch(() => undefined);
      if (nc) {
        const ready = await nc
          .jetstreamManager()
          .then((jsm) => jsm.getAccountInfo())
          .then(
            () => true,
            () => false,
          );
        await nc.close();
        if (ready) return;
      }
      if (Date.now() > deadline) throw new Error('nats-server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const stopServer = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url,
    async restart(downMs = 1_000) {
      await stopServer();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await start();
    },
    async stop() {
      await stopServer();
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}
