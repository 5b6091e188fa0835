import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { mintDevToken } from '@mymeet/auth';
import { dropDatabase, serviceDatabaseUrl } from '@mymeet/database';
import { deleteConsumersWithPrefix } from '@mymeet/messaging';
import { ProcessSupervisor } from '../../process-supervisor.js';
import { waitFor } from '../../wait-for.js';
import type { SwarmConfig, SwarmMessage } from './swarm-protocol.js';
import { tcpFanOutFloorMs } from './tcp-fan-out-floor.js';

const GATEWAY_PORT = 4910;
const METRICS_PORT = 4992;
const MEETINGS_PORT = 4911;

/**
 * Live progress through one gateway process: JetStream publish → graphql-ws client receipt latency
 * (paced segments, p50/p99), deliveries per second (a burst of segments) and the gateway's memory,
 * with 1, 1,000 and 5,000 concurrent subscribers of one meeting. Segments are never merged, so every
 * subscriber must receive every one: `missing` counts any that did not arrive (or came twice).
 * `TCP floor` is what one plain write to as many loopback sockets takes on this machine at that
 * moment: no fan-out to that many clients can be faster, so it says how loaded the machine was.
 */
export async function benchSubscriptions(options: {
  root: string;
  postgresUrl: string;
  natsUrl: string;
  log: (line: string) => void;
  counts?: number[];
}): Promise<string[]> {
  const secrets = {
    JWT_SECRET: randomBytes(32).toString('hex'),
    INTERNAL_SECRET: randomBytes(32).toString('hex'),
  };
  const databaseUrl = serviceDatabaseUrl(
    options.postgresUrl,
    `mymeet_bench_subs_${randomBytes(4).toString('hex')}`,
  );
  const consumerPrefix = `bench-subs-${randomBytes(3).toString('hex')}`;
  const env = {
    ...process.env,
    ...secrets,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    NATS_URL: options.natsUrl,
    MEETINGS_DATABASE_URL: databaseUrl,
    MEETINGS_PORT: String(MEETINGS_PORT),
    MEETINGS_CONSUMER_PREFIX: consumerPrefix,
    MEETINGS_CONSUMER_START: 'new',
    GATEWAY_PORT: String(GATEWAY_PORT),
    GATEWAY_METRICS_PORT: String(METRICS_PORT),
    MEETINGS_SUBGRAPH_URL: `http://127.0.0.1:${MEETINGS_PORT}/graphql`,
    SUPERGRAPH_PATH: resolve(options.root, 'supergraph.graphql'),
    RATE_LIMIT_PER_MINUTE: '1000000',
    SUBSCRIPTION_MAX_CONNECTIONS_PER_USER: '10000',
  };
  for (const port of [GATEWAY_PORT, MEETINGS_PORT, METRICS_PORT]) {
    const taken = await fetch(`http://127.0.0.1:${port}/health`).then(
      () => true,
      () => false,
    );
    if (taken) throw new Error(`port ${port} is taken (a process left from an interrupted bench?)`);
  }
  const supervisor = new ProcessSupervisor((name, code) => options.log(`${name} exited with ${code}`));
  try {
    for (const [name, entry, port] of [
      ['meetings', 'subgraphs/meetings/dist/src/main.js', MEETINGS_PORT],
      ['gateway', 'gateway/dist/src/main.js', GATEWAY_PORT],
    ] as const) {
      supervisor.start(`bench-${name}`, process.execPath, [entry], env, options.root);
      await waitFor(name, async () => (await fetch(`http://127.0.0.1:${port}/ready`)).ok, 30_000);
    }
    // Ten people watch: the owner and nine participants.
    const people = Array.from({ length: 10 }, (_, i) => ({
      sub: `bench-${i}`,
      email: `bench-${i}@example.com`,
    }));
    const tokens = await Promise.all(people.map((person) => mintDevToken(secrets.JWT_SECRET, person)));
    const lines = [
      'subscribers  connect s  paced p50 ms  p99 ms  max ms   burst deliveries/s  p99 ms   missing  TCP floor ms  gateway RSS: idle → connected → after',
    ];
    for (const subscribers of options.counts ?? [1, 1_000, 5_000]) {
      const meetingId = await createMeeting(
        tokens[0]!,
        people.slice(1).map((person) => person.email),
      );
      const idle = await gatewayMemory();
      let connectedRss = 0;
      const result = await runSwarm(
        {
          wsUrl: `ws://127.0.0.1:${GATEWAY_PORT}/graphql`,
          natsUrl: options.natsUrl,
          meetingId,
          tokens,
          subscribers,
          pacedEvents: 40,
          rateHz: 5,
          burstEvents: subscribers >= 1_000 ? 40 : 400,
          withMeeting: false,
        },
        async () => {
          connectedRss = await gatewayMemory();
        },
      );
      const after = await gatewayMemory();
      options.log('subscriptions: measuring the TCP floor');
      const floor = await tcpFanOutFloorMs(subscribers);
      lines.push(
        [
          String(subscribers).padStart(11),
          result.connectSeconds.toFixed(1).padStart(10),
          result.paced.p50Ms.toFixed(1).padStart(13),
          result.paced.p99Ms.toFixed(1).padStart(7),
          result.paced.maxMs.toFixed(0).padStart(7),
          result.burst.deliveriesPerSecond.toFixed(0).padStart(20),
          result.burst.p99Ms.toFixed(0).padStart(7),
          String(result.missing + result.duplicates).padStart(9),
          floor.toFixed(1).padStart(14),
          `   ${idle} → ${connectedRss} → ${after} MiB`,
        ].join(''),
      );
      options.log(lines.at(-1)!);
      if (result.completed !== subscribers)
        lines.push(`  only ${result.completed} of ${subscribers} streams completed`);
    }
    return lines;
  } finally {
    await supervisor.stopAll();
    await dropDatabase(databaseUrl).catch(() => undefined);
    await deleteConsumersWithPrefix(options.natsUrl, consumerPrefix).catch(() => undefined);
  }

  async function createMeeting(token: string, participants: string[]): Promise<string> {
    const response = await fetch(`http://127.0.0.1:${GATEWAY_PORT}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }',
        variables: {
          input: { title: 'Benchmark all-hands', participants: participants.map((email) => ({ email })) },
        },
      }),
    });
    const body = (await response.json()) as { data?: { createMeeting: { id: string } }; errors?: unknown };
    if (!body.data) throw new Error(`createMeeting failed: ${JSON.stringify(body.errors)}`);
    return body.data.createMeeting.id;
  }

  function runSwarm(config: SwarmConfig, onConnected: () => Promise<void>) {
    return new Promise<Extract<SwarmMessage, { type: 'result' }> & { connectSeconds: number }>(
      (resolvePromise, reject) => {
        const child = fork(resolve(import.meta.dirname, 'subscriber-swarm.js'), {
          env: { ...process.env, SWARM_CONFIG: JSON.stringify(config) },
        });
        let connectSeconds = 0;
        child.on('message', (message: SwarmMessage) => {
          if (message.type === 'connected') {
            connectSeconds = message.seconds;
            void onConnected().then(() => child.send('go'));
          } else if (message.type === 'result') resolvePromise({ ...message, connectSeconds });
          else reject(new Error(message.error));
        });
        child.once('exit', (code) => {
          if (code !== 0) reject(new Error(`subscriber swarm exited with ${code}`));
        });
      },
    );
  }
}

async function gatewayMemory(): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${METRICS_PORT}/metrics`)).text();
  const rss = /process_resident_memory_bytes\{[^}]*\} (\d+)/.exec(text)?.[1];
  return Math.round(Number(rss ?? 0) / 2 ** 20);
}
