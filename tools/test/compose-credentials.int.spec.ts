import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import YAML from 'yaml';
import { createLogger } from '@mymeet/core';
import { natsServers, openMessaging, runDurableConsumer, type Messaging } from '@mymeet/messaging';
import { eventually, freePort, repoRoot } from '@mymeet/testing';
import { waitFor } from '../src/wait-for.js';

const COMPOSE = resolve(repoRoot, 'compose/docker-compose.yml');
const NATS_CONF = resolve(repoRoot, 'compose/nats/nats.conf');
const APP_SERVICES = ['meetings', 'media', 'gateway'];

/** compose/.env.example with a distinct value for every secret, so the test can tell which went where. */
function exampleEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(resolve(repoRoot, 'compose/.env.example'), 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) env[match[1]!] = match[2] || `${match[1]!.toLowerCase().replace(/_/g, '')}0123456789`;
  }
  return env;
}

type Rendered = { services: Record<string, { environment?: Record<string, string> }> };

describe('compose: credentials per service', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'compose-check-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('docker-compose config', () => {
    let env: Record<string, string>;
    let rendered: Rendered;

    before(() => {
      env = exampleEnv();
      const envFile = join(dir, '.env');
      writeFileSync(
        envFile,
        Object.entries(env)
          .map(([k, v]) => `${k}=${v}`)
          .join('\n'),
      );
      const yaml = execFileSync('docker-compose', ['-f', COMPOSE, '--env-file', envFile, 'config'], {
        encoding: 'utf8',
      });
      rendered = YAML.parse(yaml) as Rendered;
    });

    it('gives no platform process a root credential', () => {
      const root = [env.POSTGRES_PASSWORD, env.MINIO_ROOT_USER, env.MINIO_ROOT_PASSWORD];
      for (const name of APP_SERVICES) {
        const environment = rendered.services[name]!.environment ?? {};
        for (const [variable, value] of Object.entries(environment)) {
          for (const secret of root)
            assert.ok(!String(value).includes(secret!), `${name}.${variable} carries a root credential`);
        }
      }
    });

    it('connects each service to PostgreSQL and NATS as itself', () => {
      const media = rendered.services.media!.environment!;
      const meetings = rendered.services.meetings!.environment!;
      const gateway = rendered.services.gateway!.environment!;
      assert.equal(new URL(meetings.MEETINGS_DATABASE_URL!).username, 'meetings');
      assert.equal(new URL(meetings.MEETINGS_DATABASE_URL!).password, env.MEETINGS_DB_PASSWORD);
      assert.equal(new URL(media.MEDIA_DATABASE_URL!).username, 'media');
      assert.equal(new URL(media.MEDIA_DATABASE_URL!).pathname, '/mymeet_media');
      for (const [name, environment] of [
        ['meetings', meetings],
        ['media', media],
        ['gateway', gateway],
      ] as const) {
        assert.equal(new URL(environment.NATS_URL!).username, name);
        assert.equal(environment.DATABASE_URL, undefined, `${name} gets no server-wide DATABASE_URL`);
      }
      assert.equal(gateway.MEDIA_DATABASE_URL ?? gateway.MEETINGS_DATABASE_URL, undefined);
      assert.equal(media.S3_ACCESS_KEY_ID, 'media');
      assert.equal(media.S3_SECRET_ACCESS_KEY, env.MEDIA_S3_SECRET_KEY);
      assert.equal(meetings.S3_SECRET_ACCESS_KEY, undefined);
    });

    it('limits the media MinIO user to its bucket', () => {
      const policy = JSON.parse(
        readFileSync(resolve(repoRoot, 'compose/minio/media-policy.json'), 'utf8'),
      ) as {
        Statement: Array<{ Resource: string[] }>;
      };
      const resources = policy.Statement.flatMap((s) => s.Resource);
      assert.deepEqual(resources.sort(), ['arn:aws:s3:::mymeet-media', 'arn:aws:s3:::mymeet-media/*']);
    });
  });

  describe('nats/nats.conf on a real nats-server', () => {
    const passwords = { meetings: 'meetings-pw', media: 'media-pw', gateway: 'gateway-pw' };
    const logger = createLogger('compose-nats-test', 'silent');
    let server: ChildProcess;
    let port: number;
    const opened: Array<NatsConnection | Messaging> = [];
    const url = (user: keyof typeof passwords) => `nats://${user}:${passwords[user]}@127.0.0.1:${port}`;

    before(async () => {
      port = await freePort();
      server = spawn(
        process.env.NATS_SERVER_BIN ?? 'nats-server',
        ['-c', NATS_CONF, '-a', '127.0.0.1', '-p', String(port), '-m', String(await freePort()), '-sd', dir],
        {
          stdio: 'ignore',
          env: {
            ...process.env,
            MEETINGS_NATS_PASSWORD: passwords.meetings,
            MEDIA_NATS_PASSWORD: passwords.media,
            GATEWAY_NATS_PASSWORD: passwords.gateway,
          },
        },
      );
      await waitFor('nats-server with the compose config', async () => {
        const nc = await connect({ ...natsServers(url('media')), reconnect: false });
        await nc.close();
        return true;
      });
    });

    after(async () => {
      for (const connection of opened) await connection.close().catch(() => undefined);
      server?.kill('SIGTERM');
    });

    async function as(user: keyof typeof passwords): Promise<Messaging> {
      const messaging = await openMessaging(url(user), `compose-test-${user}`); // creates the streams
      opened.push(messaging);
      return messaging;
    }

    /** Publishes through JetStream; resolves to whether the stream took the message. */
    async function stored(messaging: Messaging, subject: string): Promise<boolean> {
      return messaging.js
        .publish(subject, '{}', { timeout: 1_500 })
        .then(() => true)
        .catch(() => false);
    }

    it('refuses unknown users and wrong passwords', async () => {
      await assert.rejects(
        connect({ ...natsServers(`nats://media:wrong@127.0.0.1:${port}`), reconnect: false }),
      );
      await assert.rejects(connect({ servers: `nats://127.0.0.1:${port}`, reconnect: false }));
    });

    it('lets each service publish its own subjects only', async () => {
      const [meetings, media, gateway] = [await as('meetings'), await as('media'), await as('gateway')];
      const m = '7d3f1a52-3c1e-4a8e-9a3b-2b1f4a6c9d01';
      assert.equal(await stored(meetings, `events.meeting.${m}.meeting.created`), true);
      assert.equal(await stored(meetings, `state.meeting.${m}`), true);
      assert.equal(await stored(media, `events.meeting.${m}.media.ready`), true);
      assert.equal(await stored(media, 'jobs.asr'), true);
      assert.equal(await stored(media, 'jobs.media-import'), true);

      assert.equal(
        await stored(media, `events.meeting.${m}.meeting.deleted`),
        false,
        'media forging a deletion',
      );
      assert.equal(await stored(media, `state.meeting.${m}`), false);
      assert.equal(await stored(meetings, 'jobs.asr'), false);
      assert.equal(await stored(meetings, `events.meeting.${m}.media.ready`), false);
      assert.equal(await stored(gateway, `events.meeting.${m}.meeting.created`), false);
      assert.equal(await stored(gateway, 'jobs.asr'), false);
      assert.equal(
        await stored(media, 'deadletter.events.meeting.x'),
        false,
        'dead letters of its own consumers only',
      );
    });

    it('lets a service run its durable consumers: pull, heartbeat, ack, advisories', async () => {
      const [meetings, media] = [await as('meetings'), await as('media')];
      const m = '0b6f2a8e-1c4d-4e5f-8a9b-1c2d3e4f5a6b';
      const seen: string[] = [];
      const consumer = await runDurableConsumer(media, {
        stream: 'STATE',
        durable: 'compose-test-meeting-state',
        filterSubject: 'state.meeting.*',
        maxDeliver: 3,
        ackWaitMs: 5_000,
        backoffMs: [100],
        handlerTimeoutMs: 5_000,
        logger,
        onDeadLetter: async () => undefined,
        handle: async (msg) => void seen.push(msg.subject),
      });
      try {
        assert.equal(await stored(meetings, `state.meeting.${m}`), true);
        await eventually(async () => assert.ok(seen.includes(`state.meeting.${m}`)));
        await eventually(async () => {
          const info = await media.jsm.consumers.info('STATE', 'compose-test-meeting-state');
          assert.equal(info.num_ack_pending, 0, 'acked');
        });
      } finally {
        await consumer.stop();
      }
    });

    it('lets the gateway read events without publishing any', async () => {
      const gateway = await as('gateway');
      const reader = await gateway.js.consumers.get('EVENTS', {
        filterSubjects: 'events.meeting.*.meeting.>',
      });
      const first = await reader.next({ expires: 2_000 });
      assert.match(first?.subject ?? '', /^events\.meeting\..+\.meeting\.created$/);
    });
  });
});
