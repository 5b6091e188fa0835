import type { MikroORM } from '@mikro-orm/postgresql';
import { STREAMS, jobSubject, parseJob, type JobEnvelope } from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import { runDurableConsumer, type Messaging, type RunningConsumer } from '@mymeet/messaging';
import { MediaAssetRepository } from '../repositories/media-asset.repository.js';
import { MeetingAccessRepository, MeetingAccessService } from '@mymeet/meeting-access';
import { MediaImportService } from '../services/imports/media-import.service.js';
import type { MediaDependencies } from '../services/media-dependencies.js';

export interface ImportJobSettings {
  attempts: number;
  /** The longest one attempt (download and validation) may take. */
  attemptTimeoutMs: number;
  retryDelaysMs: number[];
}

/** The longest an import job can take over all its attempts and the delays between them. */
export function importJobLifetimeMs(settings: ImportJobSettings): number {
  const delays = Array.from(
    { length: settings.attempts - 1 },
    (_, i) => settings.retryDelaysMs[Math.min(i, settings.retryDelaysMs.length - 1)] ?? 0,
  );
  return settings.attempts * settings.attemptTimeoutMs + delays.reduce((sum, d) => sum + d, 0);
}

/**
 * Runs `media-import` jobs, shared by every media instance. Heartbeats keep a long download alive;
 * a crash mid-import gets the job redelivered; a job given up on (every attempt failed, crashed or
 * timed out) ends its asset REJECTED with the reason, through the dead letter.
 */
export function consumeMediaImportJobs(
  orm: MikroORM,
  messaging: Messaging,
  deps: MediaDependencies,
  settings: ImportJobSettings,
  logger: Logger,
  afterCommit: () => void,
): Promise<RunningConsumer> {
  const imports = () => {
    const em = orm.em.fork();
    const access = new MeetingAccessService(new MeetingAccessRepository(em));
    return new MediaImportService(new MediaAssetRepository(em, afterCommit), access, deps);
  };
  return runDurableConsumer(messaging, {
    stream: STREAMS.jobs.name,
    // Fixed, not prefixed: a work queue allows one consumer per subject, shared by every instance.
    durable: 'media-import',
    filterSubject: jobSubject('media-import'),
    maxDeliver: settings.attempts,
    ackWaitMs: 60_000,
    heartbeatMs: 15_000,
    // Downloads wait on the network, not the CPU: a few at once per instance.
    concurrency: 4,
    backoffMs: settings.retryDelaysMs,
    // Past it the heartbeat stops, the download and upload are aborted, and the attempt is retried.
    handlerTimeoutMs: settings.attemptTimeoutMs,
    logger,
    handle: async (msg, { signal }) => {
      const job = parseJob('media-import', msg.json());
      await imports().run(job.payload, { signal });
    },
    onDeadLetter: async (letter) => {
      const job = readJob(letter.data);
      if (job) await imports().giveUp(job.payload, letter.reason);
      else
        logger.error(
          { subject: letter.subject, reason: letter.reason },
          'unreadable media import dead-lettered',
        );
    },
  });
}

function readJob(data: Uint8Array): JobEnvelope<'media-import'> | undefined {
  try {
    return parseJob('media-import', JSON.parse(new TextDecoder().decode(data)));
  } catch {
    return undefined; // nothing to settle: its asset cannot be named
  }
}
