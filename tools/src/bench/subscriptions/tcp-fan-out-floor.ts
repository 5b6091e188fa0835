import { connect, createServer, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * What writing one 220-byte message to each of `sockets` loopback TCP connections costs on this
 * machine right now, with nothing else in the way (no WebSocket framing, no GraphQL): the floor
 * under any fan-out to that many clients. Median of five rounds, in milliseconds.
 */
export async function tcpFanOutFloorMs(sockets: number): Promise<number> {
  const accepted: Socket[] = [];
  const server = createServer((socket) => {
    socket.setNoDelay(true);
    accepted.push(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const clients: Socket[] = [];
  try {
    for (let i = 0; i < sockets; i++) {
      const client = connect(port, '127.0.0.1');
      client.on('data', () => undefined);
      clients.push(client);
      if (i % 200 === 199) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    while (accepted.length < sockets) await new Promise((resolve) => setTimeout(resolve, 20));
    const message = Buffer.alloc(220, 'x');
    const rounds: number[] = [];
    for (let round = 0; round < 5; round++) {
      const started = performance.now();
      for (const socket of accepted) socket.write(message);
      rounds.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return rounds.sort((a, b) => a - b)[2]!;
  } finally {
    for (const socket of [...clients, ...accepted]) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
}
