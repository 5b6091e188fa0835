import { connect, type NatsConnection } from 'nats';

/** Connects with reconnects forever: a NATS restart must not take a service down. */
export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({ servers: url.split(','), name, maxReconnectAttempts: -1, reconnectTimeWait: 1_000 });
}
