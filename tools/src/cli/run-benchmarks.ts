import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { mintDevToken, signInternalIdentity } from '@mymeet/auth';
import { dropDatabase, serviceDatabaseUrl } from '@mymeet/database';
import { deleteConsumersWithPrefix } from '@mymeet/messaging';
import { runSpeechBench } from '../bench/asr/run-asr-bench.js';
import { benchDiarization } from '../bench/diarization-bench.js';
import { formatLoad, measureLoad } from '../bench/measure-load.js';
import { benchReports } from '../bench/report-bench.js';
import { benchSearch } from '../bench/search-bench.js';
import { benchSubscriptions } from '../bench/subscriptions/subscriptions-bench.js';
import { benchTranscripts } from '../bench/transcripts-bench.js';
import { ensurePostgres } from '../embedded-postgres.js';
import { ensureNats } from '../local-nats.js';
import { ProcessSupervisor } from '../process-supervisor.js';
import { waitFor } from '../wait-for.js';

// `npm run bench [-- api transcripts reports search subscriptions speech speakers]`: the meetings API through the
// gateway and straight at the subgraph, the transcripts service, transcript search, live subscriptions through the
// gateway, speech recognition and speaker diarization, on this machine (all of them by default).
// SUBSCRIPTION_BENCH_COUNTS=1,1000,5000 picks the subscriber counts.
const suites = process.argv.slice(2);
const wanted = (suite: string) => suites.length === 0 || suites.includes(suite);
const root = resolve(import.meta.dirname, '../../../..');
const log = (line: string) => console.log(`bench | ${line}`);
const postgres = await ensurePostgres(
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  resolve(root, '.data'),
  log,
);
const nats = await ensureNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', resolve(root, '.data'), log);
const secrets = {
  JWT_SECRET: randomBytes(32).toString('hex'),
  INTERNAL_SECRET: randomBytes(32).toString('hex'),
};
const databaseUrl = serviceDatabaseUrl(postgres.url, `mymeet_bench_${randomBytes(4).toString('hex')}`);
const consumerPrefix = `bench-${randomBytes(3).toString('hex')}`;
const env = {
  ...process.env,
  ...secrets,
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  NATS_URL: nats.url,
  MEETINGS_DATABASE_URL: databaseUrl,
  MEETINGS_PORT: '4901',
  MEETINGS_CONSUMER_PREFIX: consumerPrefix,
  MEETINGS_CONSUMER_START: 'new',
  GATEWAY_PORT: '4900',
  GATEWAY_METRICS_PORT: '4990',
  MEETINGS_SUBGRAPH_URL: 'http://127.0.0.1:4901/graphql',
  SUPERGRAPH_PATH: resolve(root, 'supergraph.graphql'),
  RATE_LIMIT_PER_MINUTE: '1000000',
};
const supervisor = new ProcessSupervisor((name, code) => log(`${name} exited with ${code}`));
try {
  if (wanted('api')) {
    for (const [name, entry, port] of [
      ['meetings', 'subgraphs/meetings/dist/src/main.js', 4901],
      ['gateway', 'gateway/dist/src/main.js', 4900],
    ] as const) {
      supervisor.start(name, process.execPath, [entry], env, root);
      await waitFor(name, async () => (await fetch(`http://127.0.0.1:${port}/ready`)).ok, 30_000);
    }
    const token = await mintDevToken(secrets.JWT_SECRET, { sub: 'bench', email: 'bench@example.com' });
    const post = (
      url: string,
      headersFor: (body: string) => Record<string, string>,
      query: string,
      variables = {},
    ) => {
      const body = JSON.stringify({ query, variables });
      return fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headersFor(body) },
        body,
      }).then(async (response) => response.ok && !((await response.json()) as { errors?: unknown }).errors);
    };
    const viaGateway = (query: string, variables = {}) =>
      post('http://127.0.0.1:4900/graphql', () => ({ authorization: `Bearer ${token}` }), query, variables);
    const direct = (query: string) =>
      post(
        'http://127.0.0.1:4901/graphql',
        (body) =>
          signInternalIdentity(
            { sub: 'bench', email: 'bench@example.com', roles: [] },
            secrets.INTERNAL_SECRET,
            {
              audience: 'meetings',
              body,
            },
          ),
        query,
      );

    const create =
      'mutation ($t: String!) { createMeeting(input: { title: $t, participants: [{ email: "a@example.com" }] }) { id } }';
    const list =
      '{ meetings(first: 20) { edges { node { id title status participants { email } } } pageInfo { hasNextPage } } }';
    // The 100 kB alias bomb of issue 8 (just under MAX_BODY_BYTES): refused at parse time.
    const aliasBomb =
      `{ ${Array.from({ length: 2_300 }, (_, i) => `m${i}: meetings(first: 1) { edges { cursor } }`).join(' ')} }`.slice(
        0,
        99_000,
      );
    const refused = (query: string) =>
      fetch('http://127.0.0.1:4900/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      }).then(async (response) => (await response.text()).includes('QUERY_TOO_COMPLEX'));
    await measureLoad('warm-up', 200, 10, (i) => viaGateway(create, { t: `warm ${i}` }));
    const results = [
      await measureLoad('createMeeting via gateway (10 in flight)', 2_000, 10, (i) =>
        viaGateway(create, { t: `meeting ${i}` }),
      ),
      await measureLoad('meetings(first: 20) via gateway (10 in flight)', 3_000, 10, () => viaGateway(list)),
      await measureLoad('meetings(first: 20) straight at subgraph', 3_000, 10, () => direct(list)),
      await measureLoad(
        `${(aliasBomb.length / 1000).toFixed(0)} kB alias bomb refused (10 in flight)`,
        300,
        10,
        () => refused(aliasBomb),
      ),
    ];
    console.log('');
    for (const result of results) console.log(formatLoad(result));
    const memory = await (await fetch('http://127.0.0.1:4990/metrics')).text();
    const rss = /process_resident_memory_bytes\{[^}]*\} (\d+)/.exec(memory)?.[1];
    if (rss) console.log(`gateway resident memory after the run: ${(Number(rss) / 2 ** 20).toFixed(0)} MiB`);
  }
  const services = {
    root,
    postgresUrl: postgres.url,
    natsUrl: nats.url,
    internalSecret: secrets.INTERNAL_SECRET,
    log,
  };
  if (wanted('transcripts')) {
    const transcripts = await benchTranscripts(services);
    console.log('');
    for (const line of transcripts) console.log(line);
  }
  if (wanted('reports')) {
    const reports = await benchReports({ root, natsUrl: nats.url, log });
    console.log('');
    for (const line of reports) console.log(line);
  }
  if (wanted('search')) {
    const search = await benchSearch(services);
    console.log('');
    for (const line of search) console.log(line);
  }
  if (wanted('subscriptions')) {
    const counts = process.env.SUBSCRIPTION_BENCH_COUNTS?.split(',')
      .map(Number)
      .filter((count) => count > 0);
    const subscriptions = await benchSubscriptions({
      root,
      postgresUrl: postgres.url,
      natsUrl: nats.url,
      log,
      counts,
    });
    console.log('');
    for (const line of subscriptions) console.log(line);
  }
  if (wanted('speech') && existsSync(resolve(root, 'workers/asr/dist/src/main.js')))
    await runSpeechBench(root, log);
  if (wanted('speakers') && existsSync(resolve(root, 'workers/asr/dist/src/diarization/diarize.cli.js'))) {
    const speakers = await benchDiarization(root, log);
    console.log('');
    for (const line of speakers) console.log(line);
  }
} finally {
  await supervisor.stopAll();
  await dropDatabase(databaseUrl).catch(() => undefined);
  await deleteConsumersWithPrefix(nats.url, consumerPrefix).catch(() => undefined);
  await nats.stop();
  await postgres.stop();
}
