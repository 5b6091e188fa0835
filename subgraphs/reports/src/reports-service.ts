import { createLogger, type Logger } from '@mymeet/core';
import { openServiceBackbone } from '@mymeet/backbone';
import { consumeMeetingState } from '@mymeet/meeting-access';
import { startSubgraph } from '@mymeet/server';
import type { ReportsConfig } from './config.js';
import { reportsEntities } from './entities/index.js';
import { consumeDeliveryJobs } from './events/delivery-job.consumer.js';
import { consumeReportEvents } from './events/report-events.consumer.js';
import { createMailSender } from './mail/nodemailer-mail-sender.adapter.js';
import { reportsMigrations } from './migrations/index.js';
import { ReportRepository } from './repositories/report.repository.js';
import { buildReportsSchema } from './schema/build-reports-schema.js';
import { reportsContextFactory } from './schema/reports-context.js';

export interface RunningReportsService {
  url: string;
  stop(): Promise<void>;
}

/** Wires the reports subgraph: database (migrated), NATS, outbox, consumers, mail, HTTP. */
export async function startReportsService(
  config: ReportsConfig,
  logger: Logger = createLogger('reports', config.logLevel),
): Promise<RunningReportsService> {
  const backbone = await openServiceBackbone({
    name: 'reports',
    database: { url: config.databaseUrl, entities: reportsEntities, migrations: reportsMigrations },
    natsUrl: config.natsUrl,
    logger,
  });
  const { orm, messaging, kick } = backbone;
  const mail = createMailSender(config.mail);
  const consumers = [
    // Who may see each meeting, from the STATE stream; a deleted meeting takes its reports along.
    await consumeMeetingState(orm, messaging, logger, {
      consumerPrefix: config.consumerPrefix,
      deliverFrom: config.consumerStart,
      onDeleted: (tx, meetingId) => new ReportRepository(tx).deleteByMeeting(meetingId),
    }),
    ...(await consumeReportEvents(orm, messaging, {
      consumerPrefix: config.consumerPrefix,
      deliverFrom: config.consumerStart,
      concurrency: config.eventConcurrency,
      logger,
      afterCommit: kick,
    })),
    ...(mail ? [await consumeDeliveryJobs(orm, messaging, mail, config.mail, logger)] : []),
  ];
  const { schema } = await buildReportsSchema();
  const server = await startSubgraph({
    name: 'reports',
    schema,
    config,
    logger,
    isReady: backbone.isReady,
    extendContext: reportsContextFactory(orm, kick, mail !== null),
  });
  return {
    url: server.http.url,
    stop: async () => {
      await server.stop();
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await backbone.close();
      mail?.close();
    },
  };
}
