import 'reflect-metadata';
import { createLogger } from '@mymeet/core';
import { closeOnSignals } from '@mymeet/server';
import { loadMediaConfig } from './config.js';
import { startMediaService } from './media-service.js';

const config = loadMediaConfig();
const logger = createLogger('media', config.logLevel);
const service = await startMediaService(config, logger);
closeOnSignals(logger, [service.stop]);
