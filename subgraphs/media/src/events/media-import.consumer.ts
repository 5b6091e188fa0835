import type { MikroORM } from '@mikro-orm/postgresql';
import { STREAMS, jobSubject, parseJob } from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import { runDurableConsumer, type Messaging, type RunningConsumer } from '@mymeet/messaging';
import { MediaAssetRepository } from '../repositories/media-asset.repository.js';
import type { MediaDependencies } from '../services/media-dependencies.js';
import { MediaImportService } from '../services/imports/media-import.service.js';
import { MeetingAccessRepository, MeetingAccessService } from '@mymeet/meeting-access';

const MAX_DELIVER = 5;

/**
 * Runs `media-import` jobs, shared by every media instance. Heartbeats keep a long download
 * alive; a crash mid-import gets the job redelivered, and the last attempt settles the asset.
 */
export function consumeMediaImportJobs(
  orm: MikroORM,
  messaging: Messaging,
  deps: MediaDependencies,
  logger: Logger,
  afterCommit: () => void,
): Promise<RunningConsumer> {
  return runDurableConsumer(messaging, {
    stream: STREAMS.jobs.name,
    // Fixed, not prefixed: a work queue allows one consumer per subject, shared by every instance.
    durable: 'media-import',
    filterSubject: jobSubject('media-import'),
    maxDeliver: MAX_DELIVER,
    ackWaitMs: 60_000,
    heartbeatMs: 15_000,
    // Downloads wait on the network, not the CPU: a few at once per instance.
    concurrency: 4,
    backoffMs: [5_000, 30_000, 120_000],
    // The import's own timeouts end it well before this; past it the download is aborted and retried.
    handlerTimeoutMs: 30 * 60_000,
    logger,
    onDeadLetter: async (letter) =>
      logger.error({ subject: letter.subject, reason: letter.reason }, 'media import dead-lettered'),
    handle: async (msg) => {
      const job = parseJob('media-import', msg.json());
      const em = orm.em.fork();
      const access = new MeetingAccessService(new MeetingAccessRepository(em));
      const imports = new MediaImportService(new MediaAssetRepository(em, afterCommit), access, deps);
      await imports.run(job.payload, msg.info.redeliveryCount >= MAX_DELIVER);
    },
  });
}
