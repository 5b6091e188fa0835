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

/** Creates or updates the JOBS (work queue) and EVENTS (limits) streams; safe to call from every process. */
export async function ensureStreams(jsm: JetStreamManager, options: StreamOptions): Promise<void> {
  const duplicateWindow = nanos(2 * 60_000);
  await upsert(jsm, {
    name: STREAMS.jobs.name,
    subjects: [...STREAMS.jobs.subjects],
    retention: RetentionPolicy.Workqueue,
    storage: StorageType.File,
    num_replicas: options.replicas,
    duplicate_window: duplicateWindow,
  });
  await upsert(jsm, {
    name: STREAMS.events.name,
    subjects: [...STREAMS.events.subjects],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    num_replicas: options.replicas,
    max_age: nanos(options.eventRetentionDays * DAY_MS),
    duplicate_window: duplicateWindow,
  });
  await upsert(jsm, {
    name: STREAMS.state.name,
    subjects: [...STREAMS.state.subjects],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    num_replicas: options.replicas,
    max_msgs_per_subject: 1,
    duplicate_window: duplicateWindow,
  });
  await upsert(jsm, {
    name: STREAMS.deadLetters.name,
    subjects: [...STREAMS.deadLetters.subjects],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    num_replicas: options.replicas,
    max_age: nanos(30 * DAY_MS),
    duplicate_window: duplicateWindow,
  });
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
