import type { Logger } from '@mymeet/core';
import { OutboxRelay, openDatabase, type DatabaseOptions, type MikroORM } from '@mymeet/database';
import { openMessaging, type Messaging } from '@mymeet/messaging';

/** What every data-owning service stands on: its migrated database, NATS, and the outbox relay between them. */
export interface ServiceBackbone {
  orm: MikroORM;
  messaging: Messaging;
  /** Publishes committed outbox rows now (call after a commit); a poll catches anything missed. */
  kick: () => void;
  relay: OutboxRelay;
  isReady: () => Promise<boolean>;
  close: () => Promise<void>;
}

export async function openServiceBackbone(options: {
  name: string;
  database: DatabaseOptions;
  natsUrl: string;
  logger: Logger;
}): Promise<ServiceBackbone> {
  const orm = await openDatabase(options.database);
  const messaging = await openMessaging(options.natsUrl, options.name);
  const relay = new OutboxRelay(
    orm,
    async (subject, data, id) => void (await messaging.js.publish(subject, data, { msgID: id })),
    options.logger,
    { isConnected: messaging.isConnected },
  );
  relay.start();
  return {
    orm,
    messaging,
    kick: () => void relay.kick(),
    relay,
    isReady: async () => !messaging.nc.isClosed() && (await orm.isConnected()),
    close: async () => {
      await relay.stop();
      await messaging.close();
      await orm.close();
    },
  };
}
