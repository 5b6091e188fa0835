import 'reflect-metadata';
import { createLogger } from '@mymeet/core';
import { closeOnSignals } from '@mymeet/server';
import { loadTranscriptsConfig } from './config.js';
import { startTranscriptsService } from './transcripts-service.js';

const config = loadTranscriptsConfig();
const logger = createLogger('transcripts', config.logLevel);
const service = await startTranscriptsService(config, logger);
closeOnSignals(logger, [service.stop]);
