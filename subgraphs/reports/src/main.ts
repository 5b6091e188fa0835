import 'reflect-metadata';
import { createLogger } from '@mymeet/core';
import { closeOnSignals } from '@mymeet/server';
import { loadReportsConfig } from './config.js';
import { startReportsService } from './reports-service.js';

const config = loadReportsConfig();
const logger = createLogger('reports', config.logLevel);
const service = await startReportsService(config, logger);
closeOnSignals(logger, [service.stop]);
