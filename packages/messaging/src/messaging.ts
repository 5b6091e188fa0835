import type { JetStreamClient, JetStreamManager, NatsConnection } from 'nats';
import { connectNats } from './connect-nats.js';
import { ensureStreams, type StreamOptions } from './ensure-streams.js';
import { EventPublisher } from './event-publisher.js';
import { JobPublisher } from './job-publisher.js';

/** One process's handle on NATS JetStream. */
export interface Messaging {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  events: EventPublisher;
  jobs: JobPublisher;
  close(): Promise<void>;
}

export async function openMessaging(
  url: string,
  name: string,
  streams: StreamOptions = { eventRetentionDays: 7, replicas: 1 },
): Promise<Messaging> {
  const nc = await connectNats(url, name);
  const jsm = await nc.jetstreamManager();
  await ensureStreams(jsm, streams);
  const js = nc.jetstream();
  return {
    nc,
    js,
    jsm,
    events: new EventPublisher(js),
    jobs: new JobPublisher(js),
    close: async () => {
      await nc.drain();
    },
  };
}
