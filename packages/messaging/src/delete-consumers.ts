import { STREAMS } from '@mymeet/contracts';
import { connectNats } from './connect-nats.js';

/** Deletes durable consumers whose names start with `prefix` (a finished test run or benchmark). */
export async function deleteConsumersWithPrefix(
  natsUrl: string,
  prefix: string,
  streams: string[] = Object.values(STREAMS).map((stream) => stream.name),
): Promise<void> {
  const nc = await connectNats(natsUrl, 'consumer-cleanup');
  try {
    const jsm = await nc.jetstreamManager();
    for (const stream of streams) {
      const consumers = await jsm.consumers.list(stream).next();
      // The server lists a consumer deleted during the listing (e.g. by a concurrent cleanup) as null.
      for (const consumer of consumers) {
        if (consumer?.name.startsWith(prefix))
          await jsm.consumers.delete(stream, consumer.name).catch(() => false);
      }
    }
  } finally {
    await nc.close();
  }
}
