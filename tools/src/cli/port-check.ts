import { createServer } from 'node:net';

export interface PlannedPort {
  port: number;
  /** The variable that moves it. */
  variable: string;
  /** Who wanted it, e.g. "the media subgraph". */
  owner: string;
}

/** A port `npm start` wants is taken; the message says which, and which variable changes it. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

/** Fails, naming every taken port, before anything is started. */
export async function assertPortsFree(planned: readonly PlannedPort[], host = '127.0.0.1'): Promise<void> {
  const taken: PlannedPort[] = [];
  for (const entry of planned) if (!(await canListen(entry.port, host))) taken.push(entry);
  if (!taken.length) return;
  const lines = taken.map(
    (t) =>
      `  port ${t.port} (${t.owner}) is already in use: stop what listens there, or set ${t.variable}=<free port>`,
  );
  throw new PortInUseError(
    `Cannot start: ${taken.length === 1 ? 'a port is' : 'ports are'} taken.\n${lines.join('\n')}`,
  );
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => done(true)));
  });
}
