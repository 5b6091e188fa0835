export { connectNats, natsServers } from './connect-nats.js';
export { ensureStreams, type StreamOptions } from './ensure-streams.js';
export {
  runDurableConsumer,
  PermanentMessageError,
  type DurableConsumerOptions,
  type RunningConsumer,
  type HandlerContext,
} from './durable-consumer.js';
export { ensureDurableConsumer, type DurableConsumerConfig } from './ensure-consumer.js';
export { HandlerTimeoutError } from './run-handler.js';
export { openMessaging, type Messaging } from './messaging.js';
export { deadLetter, watchMaxDeliveries, type DeadLetter, type DeadLetterHandler } from './dead-letter.js';
export { deleteConsumersWithPrefix } from './delete-consumers.js';
