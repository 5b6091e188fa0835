import { resolve } from 'node:path';
import { mintDevToken } from '@mymeet/auth';
import { ensurePostgres } from '../embedded-postgres.js';
import { builtDeployables } from '../deployables.js';
import { ensureLocalSecrets } from '../local-secrets.js';
import { ensureNats } from '../local-nats.js';
import { ProcessSupervisor } from '../process-supervisor.js';
import { waitFor } from '../wait-for.js';
import { plannedLocalS3Port, startEmbeddedStorage } from './embedded-storage.js';
import { assertPortsFree, PortInUseError, type PlannedPort } from './port-check.js';
import { processEnv } from './process-env.js';

// `npm start`: embedded defaults where nothing is configured, then every built deployable, gateway last.
const root = resolve(import.meta.dirname, '../../../..');
const dataDir = resolve(root, '.data');
const log = (line: string) => console.log(`platform      | ${line}`);

const deployables = builtDeployables(root);
const portOf = (deployable: { port: number; portVariable: string }) =>
  Number(process.env[deployable.portVariable] ?? deployable.port);
const localS3Port = plannedLocalS3Port();
const plannedPorts: PlannedPort[] = [
  ...deployables.map((d) => ({ port: portOf(d), variable: d.portVariable, owner: d.name })),
  ...(localS3Port ? [{ port: localS3Port, variable: 'S3_LOCAL_PORT', owner: 'the local S3 server' }] : []),
];
try {
  // Before anything starts: a taken port is a one-line fix, not a child's stack trace.
  await assertPortsFree(plannedPorts);
} catch (error) {
  if (!(error instanceof PortInUseError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const secrets = ensureLocalSecrets(root);
const postgres = await ensurePostgres(
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  dataDir,
  log,
);
const nats = await ensureNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', dataDir, log);
const storage = await startEmbeddedStorage(dataDir, log);

const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...secrets,
  ...storage.env,
  DATABASE_URL: postgres.url,
  NATS_URL: nats.url,
  SUPERGRAPH_PATH: process.env.SUPERGRAPH_PATH ?? resolve(root, 'supergraph.graphql'),
  // Without SMTP_URL, reports mailed with sendReport land here as .eml files.
  REPORTS_MAIL_DIR: process.env.REPORTS_MAIL_DIR ?? resolve(dataDir, 'mail'),
};

let shuttingDown = false;
const supervisor = new ProcessSupervisor((name, code) => {
  log(`${name} exited with code ${code}; stopping the platform`);
  void shutdown(1);
});

const SHUTDOWN_GRACE_MS = 15_000;

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    log('stopping…');
    // Whatever order the processes die in, the supervisor never outlives its grace period.
    setTimeout(() => {
      log(`still stopping after ${SHUTDOWN_GRACE_MS / 1000} s; exiting`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    await supervisor.stopAll();
    await storage.stop();
    await nats.stop();
    await postgres.stop();
  }
  process.exit(code);
}
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

for (const deployable of deployables) {
  const port = portOf(deployable);
  supervisor.start(
    deployable.name,
    process.execPath,
    [deployable.entry],
    // Each process gets only the secrets it uses (see process-env.ts).
    { ...processEnv(deployable, env), [deployable.portVariable]: String(port) },
    root,
  );
  await waitFor(
    `${deployable.name} on port ${port}`,
    async () => (await fetch(`http://127.0.0.1:${port}/ready`)).ok,
    60_000,
  );
}

const gatewayPort = env.GATEWAY_PORT ?? '4000';
const token = await mintDevToken(secrets.JWT_SECRET!, {
  sub: 'dev-user',
  email: 'dev@example.com',
  name: 'Dev User',
});
log('');
log(`MyMeet is running. GraphQL: http://127.0.0.1:${gatewayPort}/graphql`);
log(`Development token (12 h; more with \`npm run token -- --sub alice --email alice@example.com\`):`);
log(token);
log('');
log(
  `Try: curl -s http://127.0.0.1:${gatewayPort}/graphql -H "authorization: Bearer <token>" -H 'content-type: application/json' \\`,
);
log(`       -d '{"query":"mutation { createMeeting(input: { title: \\"Kick-off\\" }) { id status } }"}'`);
log('Press Ctrl-C to stop.');
