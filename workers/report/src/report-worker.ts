import type { Logger } from '@mymeet/core';
import { openMessaging } from '@mymeet/messaging';
import { createMetrics, startServiceHttpServer } from '@mymeet/server';
import type { ReportWorkerConfig } from './config.js';
import { JetStreamReportEvents } from './events/jetstream-report-events.adapter.js';
import { ReportGenerationService } from './generation/report-generation.service.js';
import { consumeReportJobs } from './jobs/report-job.consumer.js';
import { JetStreamMeetingParticipants } from './meeting/jetstream-meeting-participants.adapter.js';
import { buildReportPipeline } from './pipeline/report-pipeline.factory.js';
import { NatsTranscriptSegments } from './transcript/nats-transcript-segments.adapter.js';

/** Wires the worker: NATS, the engine, the job consumer and the health/metrics server. */
export async function startReportWorker(
  config: ReportWorkerConfig,
  logger: Logger,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const messaging = await openMessaging(config.natsUrl, 'report-worker');
  const pipeline = await buildReportPipeline(config, logger);
  const events = new JetStreamReportEvents(messaging.js);
  const segments = new NatsTranscriptSegments(messaging.nc, {
    timeoutMs: config.segmentsTimeoutMs,
    pageSize: 500,
  });
  const participants = new JetStreamMeetingParticipants(messaging.jsm, logger);
  const service = new ReportGenerationService(segments, participants, pipeline, events, logger);
  const consumer = await consumeReportJobs(
    messaging,
    service,
    events,
    {
      maxDeliver: config.job.maxDeliver,
      handlerTimeoutMs: config.job.timeoutMs,
      concurrency: config.job.concurrency,
    },
    logger,
  );
  const http = await startServiceHttpServer({
    host: config.host,
    port: config.port,
    logger,
    metrics: createMetrics('report-worker'),
    routes: {},
    isReady: async () => messaging.isConnected(),
  });
  logger.info({ url: http.url, engine: pipeline.model }, 'report worker ready');
  return {
    url: http.url,
    stop: async () => {
      await http.close();
      await consumer.stop(5_000);
      await messaging.close();
    },
  };
}
