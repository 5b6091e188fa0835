import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { freePort, repoRoot } from '@mymeet/testing';
import { builtDeployables } from '../src/deployables.js';

function canListen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

describe('npm start stopped the way terminals and service managers stop it', function () {
  this.timeout(120_000);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`exits within its grace period when ${signal} reaches the whole process group, freeing its ports`, async () => {
      const ports: Record<string, string> = { S3_LOCAL_PORT: String(await freePort()) };
      for (const deployable of builtDeployables(repoRoot)) {
        ports[deployable.portVariable] = String(await freePort());
      }
      const child = spawn(process.execPath, [resolve(repoRoot, 'tools/dist/src/cli/start-platform.js')], {
        cwd: repoRoot,
        env: { ...process.env, ...ports, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true, // its own process group, as a terminal's foreground job
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      try {
        const deadline = Date.now() + 90_000;
        while (!output.includes('MyMeet is running')) {
          assert.ok(Date.now() < deadline && child.exitCode === null, `platform did not start:\n${output}`);
          await new Promise((r) => setTimeout(r, 200));
        }
        const signalledAt = Date.now();
        process.kill(-child.pid!, signal);
        const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('hung'), 20_000))]);
        assert.notEqual(code, 'hung', `still running 20 s after ${signal}:\n${output.slice(-2_000)}`);
        assert.equal(code, 0, `a clean stop, not the watchdog:\n${output.slice(-2_000)}`);
        assert.ok(Date.now() - signalledAt < 20_000);
        assert.ok(await canListen(Number(ports.S3_LOCAL_PORT)), 'the local S3 port is free again');
      } finally {
        if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
      }
    });
  }
});
