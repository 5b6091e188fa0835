import { createLogger } from '@mymeet/core';
import { closeOnSignals } from '@mymeet/server';
import { loadGatewayConfig } from './config.js';
import { startGateway } from './gateway-server.js';

const config = loadGatewayConfig();
const logger = createLogger('gateway', config.logLevel);
const gateway = await startGateway(config, logger);
closeOnSignals(logger, [gateway.stop]);
