import { STREAMS, jobSubject, parseJob } from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import { runDurableConsumer, type DeadLetter, type Messaging, type RunningConsumer } from '@mymeet/messaging';
import { AsrError } from '../domain/asr-error.js';
import type { TranscriptEventsPort } from '../events/transcript-events.port.js';
import type { TranscriptionService } from '../transcription/transcription.service.js';

export interface AsrConsumerOptions {
  maxDeliver: number;
  handlerTimeoutMs: number;
  engineName: string;
}

/** Fixed, not prefixed: a work queue allows one consumer per subject, shared by every worker instance. */
export const ASR_DURABLE = 'asr-worker';

/**
 * Takes `jobs.asr` one at a time per instance (a job already uses every core through its chunks),
 * heartbeating while it runs, so a killed worker's job goes to another instance after ack_wait.
 */
export function consumeAsrJobs(
  messaging: Messaging,
  service: TranscriptionService,
  events: TranscriptEventsPort,
  options: AsrConsumerOptions,
  logger: Logger,
): Promise<RunningConsumer> {
  return runDurableConsumer(messaging, {
    stream: STREAMS.jobs.name,
    durable: ASR_DURABLE,
    filterSubject: jobSubject('asr'),
    maxDeliver: options.maxDeliver,
    ackWaitMs: 30_000,
    heartbeatMs: 5_000,
    handlerTimeoutMs: options.handlerTimeoutMs,
    backoffMs: [2_000, 15_000, 60_000],
    concurrency: 1,
    logger,
    handle: async (msg, { signal, attempt }) => {
      const job = parseJob('asr', msg.json());
      const log = logger.child({ transcriptId: job.payload.transcriptId, attempt });
      log.info('transcription started');
      try {
        const outcome = await service.run(job.payload, attempt, signal);
        await events.completed(job.payload.meetingId, {
          transcriptId: job.payload.transcriptId,
          engine: options.engineName,
          language: outcome.language ?? null,
          durationSeconds: outcome.durationSeconds,
          segmentCount: outcome.segmentCount,
          attempt,
          speakers: outcome.speakers,
        });
        log.info({ segments: outcome.segmentCount }, 'transcription completed');
      } catch (error) {
        const reportable = toReportableError(error, signal.aborted);
        if (reportable !== error) log.error({ err: error }, 'transcription failed');
        throw reportable;
      }
    },
    onDeadLetter: (letter) => reportFailure(letter, events, logger),
  });
}

/**
 * What may become `transcript.failed.reason`: the worker's own coded errors as they are; anything
 * else (a file-system or library error, which can name internal paths) as a generic retryable
 * failure, its details kept for the logs only.
 */
export function toReportableError(error: unknown, aborted: boolean): unknown {
  if (aborted && !(error instanceof AsrError && !error.retryable)) {
    return new AsrError(
      'ABORTED',
      'The transcription took longer than ASR_JOB_TIMEOUT_SECONDS allows.',
      {},
      error,
    );
  }
  if (error instanceof AsrError) return error;
  return new AsrError(
    'ENGINE_FAILED',
    'The transcription failed on the worker (an internal error).',
    {},
    error,
  );
}

/** A job given up on becomes `transcript.failed` with a reason the meeting owner can read. */
async function reportFailure(
  letter: DeadLetter,
  events: TranscriptEventsPort,
  logger: Logger,
): Promise<void> {
  let job;
  try {
    job = parseJob('asr', JSON.parse(new TextDecoder().decode(letter.data)));
  } catch {
    logger.error({ subject: letter.subject }, 'dead-lettered an unreadable asr job; no transcript to fail');
    return;
  }
  const crashed = letter.reason.startsWith('Gave up after');
  await events.failed(job.payload.meetingId, {
    transcriptId: job.payload.transcriptId,
    reason: crashed
      ? `Transcription stopped unexpectedly ${letter.deliveries} times (the worker crashed or ran out of memory); please retranscribe.`
      : letter.reason,
  });
}
