import type { MikroORM } from '@mikro-orm/postgresql';
import { STREAMS, jobSubject, parseJob } from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import { runDurableConsumer, type Messaging, type RunningConsumer } from '@mymeet/messaging';
import type { JsMsg } from 'nats';
import { MediaAssetRepository } from '../repositories/media-asset.repository.js';
import { MeetingAccessRepository } from '../repositories/meeting-access.repository.js';
import { MeetingAccessService } from '../services/access/meeting-access.service.js';
import { MediaImportService } from '../services/imports/media-import.service.js';
import type { MediaDependencies } from '../services/media-dependencies.js';

export interface ImportJobSettings {
  attempts: number;
  /** The longest one attempt (download and validation) may take. */
  attemptTimeoutMs: number;
  retryDelaysMs: number[];
}

/** What the consumer core tells a handler about its delivery (the signal aborts a timed-out attempt). */
interface DeliveryContext {
  signal?: AbortSignal;
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
    logger,
    handle: async (msg: JsMsg, context?: DeliveryContext) => {
      const job = parseJob('media-import', msg.json());
      await imports().run(job.payload, { signal: context?.signal });
    },
    onDeadLetter: async (letter) => {
      const job = parseJob('media-import', JSON.parse(new TextDecoder().decode(letter.data)));
      await imports().giveUp(job.payload, letter.reason);
    },
  });
}
