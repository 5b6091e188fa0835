import type { Logger } from '@mymeet/core';
import { openMessaging } from '@mymeet/messaging';
import { createMetrics, startServiceHttpServer } from '@mymeet/server';
import type { AsrConfig } from './config.js';
import { createSpeakerDiarizer } from './diarization/speaker-diarizer.factory.js';
import { createSpeechEngine } from './engines/speech-engine.factory.js';
import { JetStreamTranscriptEvents } from './events/jetstream-transcript-events.adapter.js';
import { consumeAsrJobs } from './jobs/asr-job.consumer.js';
import { S3RecordingSource } from './storage/s3-recording-source.adapter.js';
import { TranscriptionService } from './transcription/transcription.service.js';

/** Wires the worker: NATS, storage, the engine, the job consumer and the health/metrics server. */
export async function startAsrWorker(
  config: AsrConfig,
  logger: Logger,
): Promise<{ stop: () => Promise<void> }> {
  const messaging = await openMessaging(config.natsUrl, 'asr-worker');
  const source = new S3RecordingSource(config.s3);
  const engine = createSpeechEngine(config);
  const diarizer = createSpeakerDiarizer(config.diarization);
  const events = new JetStreamTranscriptEvents(messaging.js, messaging.jsm);
  const service = new TranscriptionService(
    source,
    engine,
    diarizer,
    events,
    { ...config.audio, ffprobePath: config.diarization.ffprobePath, concurrency: config.concurrency },
    logger,
  );
  const consumer = await consumeAsrJobs(
    messaging,
    service,
    events,
    { maxDeliver: config.job.maxDeliver, handlerTimeoutMs: config.job.timeoutMs, engineName: engine.name },
    logger,
  );
  const http = await startServiceHttpServer({
    host: config.host,
    port: config.port,
    logger,
    metrics: createMetrics('asr-worker'),
    routes: {},
    isReady: async () => !messaging.nc.isClosed() && (await source.isReachable()),
  });
  logger.info(
    { url: http.url, engine: engine.name, diarizer: diarizer.name, concurrency: config.concurrency },
    'asr worker ready',
  );
  return {
    stop: async () => {
      await http.close();
      await consumer.stop(5_000);
      engine.close?.();
      diarizer.close?.();
      source.close();
      await messaging.close();
    },
  };
}
