import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { connect, type NatsConnection } from 'nats';
import { signInternalIdentity } from '@mymeet/auth';
import {
  createEvent,
  eventSubject,
  meetingStateSubject,
  type EventKind,
  type EventPayload,
} from '@mymeet/contracts';
import { dropDatabase, serviceDatabaseUrl } from '@mymeet/database';
import { deleteConsumersWithPrefix } from '@mymeet/messaging';
import { ProcessSupervisor } from '../process-supervisor.js';
import { waitFor } from '../wait-for.js';
import { formatLoad, measureLoad } from './measure-load.js';

const PORT = 4903;
const OWNER = { sub: 'bench-owner', email: 'bench@example.com', roles: [] };

/**
 * The transcripts service as the ASR worker drives it: how fast it stores a run's events (one
 * 3-hour meeting of 2,500 segments, then 20 meetings at once), and how fast a stored run is read.
 */
export async function benchTranscripts(options: {
  root: string;
  postgresUrl: string;
  natsUrl: string;
  internalSecret: string;
  log: (line: string) => void;
}): Promise<string[]> {
  const databaseUrl = serviceDatabaseUrl(
    options.postgresUrl,
    `mymeet_bench_tr_${randomBytes(4).toString('hex')}`,
  );
  const consumerPrefix = `bench-tr-${randomBytes(3).toString('hex')}`;
  const supervisor = new ProcessSupervisor((name, code) => options.log(`${name} exited with ${code}`));
  const nc = await connect({ servers: options.natsUrl });
  try {
    supervisor.start(
      'transcripts',
      process.execPath,
      ['subgraphs/transcripts/dist/src/main.js'],
      {
        ...process.env,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        NATS_URL: options.natsUrl,
        INTERNAL_SECRET: options.internalSecret,
        TRANSCRIPTS_PORT: String(PORT),
        TRANSCRIPTS_DATABASE_URL: databaseUrl,
        TRANSCRIPTS_CONSUMER_PREFIX: consumerPrefix,
        TRANSCRIPTS_CONSUMER_START: 'new',
      },
      options.root,
    );
    await waitFor('transcripts', async () => (await fetch(`http://127.0.0.1:${PORT}/ready`)).ok, 30_000);
    const lines: string[] = [];
    const long = await ingest(nc, options.internalSecret, 1, 2_500);
    lines.push(
      `transcripts: one 3-hour meeting, 2,500 segments stored and COMPLETED in ${long.seconds.toFixed(1)} s (${long.eventsPerSecond.toFixed(0)} events/s)`,
    );
    const many = await ingest(nc, options.internalSecret, 20, 150);
    lines.push(
      `transcripts: 20 meetings x 150 segments at once, all COMPLETED in ${many.seconds.toFixed(1)} s (${many.eventsPerSecond.toFixed(0)} events/s)`,
    );
    const id = long.transcriptIds[0]!;
    const read = (query: string, variables: Record<string, unknown>) =>
      graphql(options.internalSecret, query, variables);
    lines.push(
      formatLoad(
        await measureLoad('transcript text, 2,500 segments (4 in flight)', 200, 4, () =>
          read('query ($id: ID!) { transcript(id: $id) { text } }', { id }),
        ),
      ),
      formatLoad(
        await measureLoad('transcript export VTT, 2,500 segments (4 in flight)', 200, 4, () =>
          read('query ($id: ID!) { transcript(id: $id) { export(format: VTT) } }', { id }),
        ),
      ),
      formatLoad(
        await measureLoad('segments(first: 100) page (10 in flight)', 2_000, 10, (i) =>
          read(
            'query ($id: ID!, $a: String) { transcript(id: $id) { segments(first: 100, after: $a) { edges { node { index text } } } } }',
            {
              id,
              a: i % 25 === 0 ? null : Buffer.from(`segment:${(i % 25) * 100 - 1}`).toString('base64url'),
            },
          ),
        ),
      ),
    );
    return lines;
  } finally {
    await nc.close();
    await supervisor.stopAll();
    await dropDatabase(databaseUrl).catch(() => undefined);
    await deleteConsumersWithPrefix(options.natsUrl, consumerPrefix).catch(() => undefined);
  }
}

/** Publishes `meetings` runs of `segments` segments as the worker would, and waits until all are COMPLETED. */
async function ingest(nc: NatsConnection, secret: string, meetings: number, segments: number) {
  const runs = Array.from({ length: meetings }, () => ({
    meetingId: randomUUID(),
    transcriptId: randomUUID(),
  }));
  for (const { meetingId, transcriptId } of runs) {
    const created = createEvent('meeting.created', meetingId, {
      ownerId: OWNER.sub,
      participantEmails: [],
      title: 'Bench',
      language: 'en',
      version: 1,
    });
    await nc
      .jetstream()
      .publish(meetingStateSubject(meetingId), JSON.stringify(created), { msgID: `state-${created.id}` });
    await publish(nc, 'media.ready', meetingId, {
      mediaId: randomUUID(),
      transcriptId,
      language: 'en',
      objectKey: `meetings/${meetingId}/bench.mp3`,
      contentType: 'audio/mpeg',
      byteSize: 1,
      durationSeconds: segments * 4,
    });
  }
  await waitFor(
    'runs queued',
    async () => (await statuses(secret, runs)).every((s) => s === 'QUEUED'),
    60_000,
    50,
  );
  const started = performance.now();
  const pending: Array<Promise<unknown>> = [];
  for (let index = 0; index < segments; index += 1) {
    for (const { meetingId, transcriptId } of runs) {
      pending.push(
        publish(nc, 'transcript.segment', meetingId, {
          transcriptId,
          index,
          startMs: index * 4_000,
          endMs: index * 4_000 + 3_600,
          speaker: `S${(index % 3) + 1}`,
          text: `this is what was said in segment ${index} of the meeting about the quarterly plan`,
          confidence: 0.9,
          attempt: 1,
        }),
      );
    }
    if (pending.length >= 500) await Promise.all(pending.splice(0));
  }
  for (const { meetingId, transcriptId } of runs) {
    pending.push(
      publish(nc, 'transcript.completed', meetingId, {
        transcriptId,
        engine: 'bench',
        language: 'en',
        durationSeconds: segments * 4,
        segmentCount: segments,
        attempt: 1,
      }),
    );
  }
  await Promise.all(pending);
  await waitFor(
    'runs completed',
    async () => (await statuses(secret, runs)).every((s) => s === 'COMPLETED'),
    600_000,
    50,
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    eventsPerSecond: (meetings * (segments + 1)) / seconds,
    transcriptIds: runs.map((r) => r.transcriptId),
  };
}

function publish<K extends EventKind>(
  nc: NatsConnection,
  kind: K,
  meetingId: string,
  payload: EventPayload<K>,
) {
  const event = createEvent(kind, meetingId, payload);
  return nc.jetstream().publish(eventSubject(meetingId, kind), JSON.stringify(event), { msgID: event.id });
}

async function statuses(secret: string, runs: ReadonlyArray<{ transcriptId: string }>): Promise<string[]> {
  const body = JSON.stringify({
    query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Transcript { status } } }',
    variables: { r: runs.map((run) => ({ __typename: 'Transcript', id: run.transcriptId })) },
  });
  const response = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signInternalIdentity(OWNER, secret, { audience: 'transcripts', body }),
    },
    body,
  }).catch(() => undefined);
  const data = (
    (await response?.json()) as { data?: { _entities?: Array<{ status: string } | null> } } | undefined
  )?.data;
  return (data?._entities ?? []).map((entity) => entity?.status ?? 'UNKNOWN');
}

async function graphql(secret: string, query: string, variables: Record<string, unknown>): Promise<boolean> {
  const body = JSON.stringify({ query, variables });
  const response = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signInternalIdentity(OWNER, secret, { audience: 'transcripts', body }),
    },
    body,
  });
  return response.ok && !((await response.json()) as { errors?: unknown }).errors;
}
