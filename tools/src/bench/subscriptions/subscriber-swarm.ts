import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { connect } from 'nats';
import { WebSocket } from 'ws';
import { createEvent, eventSubject, type EventKind, type EventPayload } from '@mymeet/contracts';
import type { LatencySummary, SwarmConfig, SwarmMessage } from './swarm-protocol.js';

// One child process of the subscriptions bench: `subscribers` graphql-transport-ws connections to the
// gateway, each subscribed to the same meeting, plus the publisher playing the ASR worker. Publish
// and receipt are timed on this process's clock. The protocol is spoken by hand over `ws` so the
// load generator spends as little as it can per message (it shares the machine with the gateway).

const config = JSON.parse(process.env.SWARM_CONFIG ?? '{}') as SwarmConfig;
const send = (message: SwarmMessage) => process.send?.(message);
const now = () => performance.timeOrigin + performance.now();
const query = `subscription ($m: ID!) { transcriptProgress(meetingId: $m) { cursor stage percent segment { index }${
  config.withMeeting ? ' meeting { title status }' : ''
} } }`;

interface Subscriber {
  socket: WebSocket;
  admitted: boolean;
  nextIndex: number;
  received: number;
  duplicates: number;
  completed: boolean;
}

const total = config.pacedEvents + config.burstEvents;
const publishedAt = new Float64Array(total);
const latencies = new Float64Array(config.subscribers * total);
let latencyCount = 0;
let lastReceipt = 0;
const subscribers: Subscriber[] = [];

function open(index: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(config.wsUrl, 'graphql-transport-ws', { perMessageDeflate: false });
    const subscriber: Subscriber = {
      socket,
      admitted: false,
      nextIndex: 0,
      received: 0,
      duplicates: 0,
      completed: false,
    };
    subscribers.push(subscriber);
    socket.once('error', reject);
    socket.once('open', () => {
      const token = config.tokens[index % config.tokens.length];
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    });
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as {
        type: string;
        payload?: { data?: { transcriptProgress?: { segment: { index: number } | null } } };
      };
      if (message.type === 'connection_ack') {
        socket.send(
          JSON.stringify({
            id: '1',
            type: 'subscribe',
            payload: { query, variables: { m: config.meetingId } },
          }),
        );
      } else if (message.type === 'next') {
        if (!subscriber.admitted) {
          subscriber.admitted = true;
          resolve();
        }
        const segment = message.payload?.data?.transcriptProgress?.segment;
        if (!segment) return;
        const at = now();
        lastReceipt = at;
        latencies[latencyCount++] = at - publishedAt[segment.index]!;
        if (segment.index < subscriber.nextIndex) subscriber.duplicates += 1;
        else subscriber.received += 1;
        subscriber.nextIndex = segment.index + 1;
      } else if (message.type === 'complete') {
        subscriber.completed = true;
      } else if (message.type === 'error') {
        reject(new Error(JSON.stringify(message.payload)));
      }
    });
    socket.once('close', (code, reason) => {
      if (!subscriber.admitted) reject(new Error(`closed ${code} ${reason.toString()}`));
    });
  });
}

function summary(from: number, to: number): LatencySummary {
  const sorted = latencies.slice(from, to).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { deliveries: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: sorted.at(-1) ?? 0 };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function main(): Promise<void> {
  const nc = await connect({ servers: config.natsUrl });
  const js = nc.jetstream();
  const transcriptId = randomUUID();
  const publish = async <K extends EventKind>(kind: K, payload: EventPayload<K>) => {
    const event = createEvent(kind, config.meetingId, payload);
    await js.publish(eventSubject(config.meetingId, kind), JSON.stringify(event), { msgID: event.id });
  };
  const segment = (index: number) =>
    publish('transcript.segment', {
      transcriptId,
      index,
      startMs: index * 1000,
      endMs: index * 1000 + 900,
      speaker: 'S1',
      text: `Segment ${index} of the benchmark meeting, about as long as a spoken sentence.`,
      confidence: 0.9,
    });

  // A queued run first, so every subscriber's first message (the current state) says it was admitted.
  await publish('transcript.queued', { transcriptId, mediaId: randomUUID(), language: 'en' });
  const started = performance.now();
  const connecting = (async () => {
    for (let next = 0; next < config.subscribers;) {
      const batch = Array.from({ length: Math.min(200, config.subscribers - next) }, () => open(next++));
      await Promise.all(batch);
    }
  })();
  await Promise.race([
    connecting,
    new Promise((_, reject) =>
      setTimeout(() => {
        const admitted = subscribers.filter((s) => s.admitted).length;
        reject(new Error(`only ${admitted} of ${config.subscribers} subscriptions admitted after 120 s`));
      }, 120_000).unref(),
    ),
  ]);
  send({ type: 'connected', seconds: (performance.now() - started) / 1000 });
  await new Promise<void>((resolve) => process.once('message', () => resolve()));

  for (let index = 0; index < config.pacedEvents; index++) {
    publishedAt[index] = now();
    await segment(index);
    await new Promise((resolve) => setTimeout(resolve, 1000 / config.rateHz));
  }
  await until(() => subscribers.every((s) => s.nextIndex >= config.pacedEvents), 30_000);
  const pacedCount = latencyCount;

  const burstStart = now();
  const burst: Array<Promise<void>> = [];
  for (let index = config.pacedEvents; index < total; index++) {
    publishedAt[index] = now();
    burst.push(segment(index));
  }
  await Promise.all(burst);
  await until(() => subscribers.every((s) => s.nextIndex >= total), 120_000);
  const burstSummary = summary(pacedCount, latencyCount);

  await publish('transcript.ready', { transcriptId, segmentCount: total, wordCount: total * 12 });
  await until(() => subscribers.every((s) => s.completed), 30_000);
  send({
    type: 'result',
    paced: summary(0, pacedCount),
    burst: {
      ...burstSummary,
      deliveriesPerSecond: burstSummary.deliveries / ((lastReceipt - burstStart) / 1000),
    },
    missing: subscribers.reduce((sum, s) => sum + (total - s.received), 0),
    duplicates: subscribers.reduce((sum, s) => sum + s.duplicates, 0),
    completed: subscribers.filter((s) => s.completed).length,
  });
  for (const subscriber of subscribers) subscriber.socket.terminate();
  await nc.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    send({ type: 'failed', error: String(error) });
    process.exit(1);
  },
);
