import 'reflect-metadata';
import { createLogger } from '@mymeet/core';
import { closeOnSignals } from '@mymeet/server';
import { loadMeetingsConfig } from './config.js';
import { startMeetingsService } from './meetings-service.js';

const config = loadMeetingsConfig();
const logger = createLogger('meetings', config.logLevel);
const service = await startMeetingsService(config, logger);
closeOnSignals(logger, [service.stop]);
