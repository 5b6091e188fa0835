import { connect, type ConnectionOptions, type NatsConnection } from 'nats';

/** Connects with reconnects forever: a NATS restart must not take a service down. */
export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({ ...natsServers(url), name, maxReconnectAttempts: -1, reconnectTimeWait: 1_000 });
}

/**
 * `nats://user:password@host:4222,nats://host2:4222` as connection options: nats.js ignores
 * credentials written in a server URL, so they are taken out and passed as `user`/`pass`.
 */
export function natsServers(url: string): Pick<ConnectionOptions, 'servers' | 'user' | 'pass'> {
  let user: string | undefined;
  let pass: string | undefined;
  const servers = url.split(',').map((server) => {
    const match = /^([a-z]+:\/\/)([^@/]*)@(.*)$/i.exec(server.trim());
    if (!match) return server.trim();
    const [name = '', password] = match[2]!.split(':');
    user = decodeURIComponent(name);
    pass = password === undefined ? undefined : decodeURIComponent(password);
    return `${match[1]}${match[3]}`;
  });
  return { servers, ...(user ? { user } : {}), ...(pass !== undefined ? { pass } : {}) };
}
