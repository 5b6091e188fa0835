import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { freePort, repoRoot } from '@mymeet/testing';
import { builtDeployables } from '../src/deployables.js';

const START = resolve(repoRoot, 'tools/dist/src/cli/start-platform.js');

async function platformPorts(): Promise<Record<string, string>> {
  const ports: Record<string, string> = { S3_LOCAL_PORT: String(await freePort()) };
  for (const deployable of builtDeployables(repoRoot))
    ports[deployable.portVariable] = String(await freePort());
  return ports;
}

function listen(port: number): Promise<Server> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

/** Runs `npm start`'s entry point in its own process group; `until` decides when to look. */
function startPlatform(env: Record<string, string>) {
  const child = spawn(process.execPath, [START], {
    cwd: repoRoot,
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    child,
    exited,
    output: () => output,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    },
  };
}

describe('npm start: taken ports and the secrets each process gets', function () {
  this.timeout(120_000);

  for (const variable of ['MEDIA_PORT', 'S3_LOCAL_PORT']) {
    it(`says which port is taken and that ${variable} moves it, without a stack trace`, async () => {
      const ports = await platformPorts();
      const blocker = await listen(Number(ports[variable]));
      const platform = startPlatform(ports);
      try {
        const code = await Promise.race([
          platform.exited,
          new Promise((r) => setTimeout(() => r('hung'), 30_000)),
        ]);
        const output = platform.output();
        assert.equal(code, 1, output);
        assert.match(
          output,
          new RegExp(`port ${ports[variable]} \\(.*\\) is already in use.*set ${variable}=`),
        );
        assert.doesNotMatch(output, /^\s+at /m, `no stack trace:\n${output}`);
        assert.doesNotMatch(output, /EADDRINUSE/);
      } finally {
        platform.kill();
        blocker.close();
      }
    });
  }

  it('passes each process only the secrets it uses', async () => {
    const platform = startPlatform({
      ...(await platformPorts()),
      SMTP_URL: 'smtp://mailer:hunter2@127.0.0.1:2525',
    });
    try {
      const deadline = Date.now() + 90_000;
      while (!platform.output().includes('MyMeet is running')) {
        assert.ok(Date.now() < deadline && platform.child.exitCode === null, platform.output());
        await new Promise((r) => setTimeout(r, 200));
      }
      const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(platform.child.pid)], {
        encoding: 'utf8',
      })
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      const envOf = new Map<string, Set<string>>();
      for (const pid of children) {
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
        const name = /(gateway|subgraphs\/\w+|workers\/\w+)\/dist/.exec(command)?.[1];
        if (!name) continue;
        const variables = readFileSync(`/proc/${pid}/environ`, 'utf8')
          .split('\0')
          .filter(Boolean)
          .map((entry) => entry.slice(0, entry.indexOf('=')));
        envOf.set(name, new Set(variables));
      }
      const has = (name: string, variable: string) => envOf.get(name)?.has(variable) ?? false;
      assert.ok(
        envOf.has('gateway') && envOf.has('subgraphs/media') && envOf.has('subgraphs/meetings'),
        [...envOf.keys()].join(),
      );
      assert.ok(has('gateway', 'JWT_SECRET') && has('gateway', 'INTERNAL_SECRET'));
      for (const secret of ['DATABASE_URL', 'S3_SECRET_ACCESS_KEY', 'S3_ACCESS_KEY_ID', 'SMTP_URL'])
        assert.equal(has('gateway', secret), false, `gateway has ${secret}`);
      for (const subgraph of ['subgraphs/meetings', 'subgraphs/media']) {
        assert.ok(has(subgraph, 'INTERNAL_SECRET') && has(subgraph, 'DATABASE_URL'), subgraph);
        assert.equal(has(subgraph, 'JWT_SECRET'), false, `${subgraph} has JWT_SECRET`);
        assert.equal(has(subgraph, 'SMTP_URL'), false, `${subgraph} has SMTP_URL`);
      }
      assert.equal(has('subgraphs/meetings', 'S3_SECRET_ACCESS_KEY'), false, 'meetings has the storage key');
      assert.ok(has('subgraphs/media', 'S3_SECRET_ACCESS_KEY'), 'media has the storage key');
    } finally {
      platform.kill();
      await platform.exited;
    }
  });
});
