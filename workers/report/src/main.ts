import { createLogger } from '@mymeet/core';
import { closeOnSignals } from '@mymeet/server';
import { loadReportWorkerConfig } from './config.js';
import { startReportWorker } from './report-worker.js';

const config = loadReportWorkerConfig();
const logger = createLogger('report-worker', config.logLevel);
const worker = await startReportWorker(config, logger);
closeOnSignals(logger, [worker.stop]);
