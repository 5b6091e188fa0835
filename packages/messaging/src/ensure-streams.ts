import {
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
  nanos,
  type JetStreamManager,
  type StreamConfig,
} from 'nats';
import { STREAMS } from '@mymeet/contracts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface StreamOptions {
  /** How long events stay replayable for subscription resumes and late consumers. */
  eventRetentionDays: number;
  /** JetStream replicas: 1 on one machine, 3 on a cluster. */
  replicas: number;
}

/** Creates or updates JOBS (work queue), EVENTS (days), STATE (compacted) and DEADLETTER; safe from every process. */
export async function ensureStreams(jsm: JetStreamManager, options: StreamOptions): Promise<void> {
  const stream = (definition: { name: string; subjects: readonly string[] }, config: Partial<StreamConfig>) =>
    upsert(jsm, {
      name: definition.name,
      subjects: [...definition.subjects],
      storage: StorageType.File,
      num_replicas: options.replicas,
      duplicate_window: nanos(2 * 60_000),
      ...config,
    });
  await stream(STREAMS.jobs, { retention: RetentionPolicy.Workqueue });
  await stream(STREAMS.events, {
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_age: nanos(options.eventRetentionDays * DAY_MS),
  });
  await stream(STREAMS.state, {
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_msgs_per_subject: 1,
  });
  await stream(STREAMS.deadLetters, { retention: RetentionPolicy.Limits, max_age: nanos(30 * DAY_MS) });
}

async function upsert(
  jsm: JetStreamManager,
  config: Partial<StreamConfig> & { name: string },
): Promise<void> {
  try {
    await jsm.streams.info(config.name);
    await jsm.streams.update(config.name, config);
  } catch (error) {
    if (!isStreamNotFound(error)) throw error;
    await jsm.streams.add(config);
  }
}

function isStreamNotFound(error: unknown): boolean {
  return error instanceof Error && /stream not found/i.test(error.message);
}
