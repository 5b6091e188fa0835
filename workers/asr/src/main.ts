import { createLogger } from '@mymeet/core';
import { closeOnSignals } from '@mymeet/server';
import { startAsrWorker } from './asr-worker.js';
import { loadAsrConfig } from './config.js';

const config = loadAsrConfig();
const logger = createLogger('asr-worker', config.logLevel);
const worker = await startAsrWorker(config, logger);
closeOnSignals(logger, [worker.stop]);
