import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { connect } from 'nats';
import pg from 'pg';
import { signInternalIdentity, type AuthenticatedUser } from '@mymeet/auth';
import { createEvent, eventSubject } from '@mymeet/contracts';
import { progressBar } from '@mymeet/core';
import { dropDatabase, serviceDatabaseUrl } from '@mymeet/database';
import { deleteConsumersWithPrefix } from '@mymeet/messaging';
import { ProcessSupervisor } from '../process-supervisor.js';
import { waitFor } from '../wait-for.js';
import { RARE_NAMES, corpusMeeting, rareSlots } from './search-corpus.js';

const PORT = 4904;
const MEETINGS = 10_000;
const SEGMENTS_PER_MEETING = 100;
const REQUESTS_PER_QUERY = 100;
const ONE_PERCENT: AuthenticatedUser = { sub: 'bench-one-percent', email: 'one@bench.example', roles: [] };
const HALF: AuthenticatedUser = { sub: 'bench-half', email: 'half@bench.example', roles: [] };

/**
 * Transcript search at archive scale: 10,000 meetings of 100 passages seeded straight into the
 * transcripts database (multi-row inserts), indexed by `npm run reindex` and by events, then
 * searched through the subgraph by a user who sees 1 % of the meetings and one who sees 50 %.
 */
export async function benchSearch(options: {
  root: string;
  postgresUrl: string;
  natsUrl: string;
  internalSecret: string;
  log: (line: string) => void;
}): Promise<string[]> {
  const databaseUrl = serviceDatabaseUrl(
    options.postgresUrl,
    `mymeet_bench_search_${randomBytes(4).toString('hex')}`,
  );
  const consumerPrefix = `bench-search-${randomBytes(3).toString('hex')}`;
  const supervisor = new ProcessSupervisor((name, code) => options.log(`${name} exited with ${code}`));
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    NATS_URL: options.natsUrl,
    INTERNAL_SECRET: options.internalSecret,
    TRANSCRIPTS_PORT: String(PORT),
    TRANSCRIPTS_DATABASE_URL: databaseUrl,
    TRANSCRIPTS_CONSUMER_PREFIX: consumerPrefix,
    TRANSCRIPTS_CONSUMER_START: 'new',
    SEARCH_ENGINE: 'postgres',
  };
  const db = new pg.Client({ connectionString: databaseUrl });
  const nc = await connect({ servers: options.natsUrl });
  let keep = false;
  try {
    // The service creates and migrates its database.
    supervisor.start(
      'transcripts',
      process.execPath,
      ['subgraphs/transcripts/dist/src/main.js'],
      env,
      options.root,
    );
    await waitFor('transcripts', async () => (await fetch(`http://127.0.0.1:${PORT}/ready`)).ok, 60_000);
    await db.connect();
    const lines: string[] = [];
    const seeded = await seed(db);
    lines.push(
      `search: seeded ${MEETINGS.toLocaleString('en')} transcripts, ${seeded.segments.toLocaleString('en')} segments in ${seeded.seconds.toFixed(0)} s`,
    );
    options.log('indexing with npm run reindex (PostgreSQL engine)');
    const reindex = await reindexCli(options.root, env);
    lines.push(`search: ${reindex} (npm run reindex, 2 at a time)`);
    if (process.env.SEARCH_BENCH_INDEX_ONLY === 'true') {
      // For tuning by hand: the seeded, indexed database stays (drop it yourself).
      options.log(`kept ${databaseUrl}`);
      keep = true;
      return lines;
    }
    const size = await db.query<{ table: string; index: string }>(
      `select pg_size_pretty(pg_total_relation_size('search_passage')) as table,
              pg_size_pretty(pg_relation_size('search_passage_document_viewers_index')) as index`,
    );
    lines.push(
      `search: index size ${size.rows[0]!.table} (GIN over words and viewers ${size.rows[0]!.index})`,
    );
    lines.push(await indexThroughEvents(db, nc, 300));
    await db.query('vacuum analyze search_passage');
    const queries: Array<[string, string]> = [
      ['common word', 'project '],
      ['rare name', `${RARE_NAMES[7]} `],
      ['prefix', 'prod'],
      ['phrase', '"action items"'],
      ['russian word', 'встреча '],
    ];
    for (const [kind, query] of queries) {
      for (const [who, user] of [
        ['1 %', ONE_PERCENT],
        ['50 %', HALF],
      ] as const) {
        const page = await measure(options.internalSecret, user, query, false);
        const counted = await measure(options.internalSecret, user, query, true);
        lines.push(
          `search ${kind.padEnd(12)} ${JSON.stringify(query).padEnd(18)} sees ${who.padStart(4)}: ${String(counted.total).padStart(6)} hits; ` +
            `page p50 ${page.p50.toFixed(1).padStart(5)} ms p95 ${page.p95.toFixed(1).padStart(5)} ms; ` +
            `with totalCount p50 ${counted.p50.toFixed(1).padStart(5)} ms p95 ${counted.p95.toFixed(1).padStart(5)} ms`,
        );
      }
    }
    return lines;
  } finally {
    await db.end().catch(() => undefined);
    await nc.close();
    await supervisor.stopAll();
    if (!keep) await dropDatabase(databaseUrl).catch(() => undefined);
    await deleteConsumersWithPrefix(options.natsUrl, consumerPrefix).catch(() => undefined);
  }
}

/** `npm run reindex` as a user runs it: its progress bar on our stderr, its summary line returned. */
function reindexCli(root: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['subgraphs/transcripts/dist/src/search/reindex-cli.js', '--concurrency', '2'],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output.trim()) : reject(new Error(`reindex exited ${code}`)),
    );
  });
}

/** Meetings, their visibility copy, one completed run each and its segments, in batches of whole meetings. */
async function seed(db: pg.Client): Promise<{ segments: number; seconds: number }> {
  const started = performance.now();
  const slots = rareSlots(MEETINGS, SEGMENTS_PER_MEETING, 12);
  const bar = progressBar('seeding', MEETINGS, 'transcripts');
  const batch = 100;
  let segments = 0;
  for (let first = 0; first < MEETINGS; first += batch) {
    const meetings: Array<Record<string, unknown>> = [];
    const seg = {
      t: [] as string[],
      i: [] as number[],
      s: [] as number[],
      e: [] as number[],
      sp: [] as string[],
      x: [] as string[],
    };
    for (let i = first; i < Math.min(MEETINGS, first + batch); i++) {
      const meeting = corpusMeeting(i, SEGMENTS_PER_MEETING, slots);
      const meetingId = randomUUID();
      const transcriptId = randomUUID();
      const participants = [`p${i % 997}@bench.example`, `q${i % 991}@bench.example`];
      if (i % 2 === 0) participants.push(HALF.email!);
      meetings.push({
        meeting_id: meetingId,
        transcript_id: transcriptId,
        owner_id: i < MEETINGS / 100 ? ONE_PERCENT.sub : `owner-${i % 1000}`,
        participants,
        title: meeting.title,
        language: meeting.language,
        occurs_at: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
      });
      meeting.segments.forEach((text, index) => {
        seg.t.push(transcriptId);
        seg.i.push(index);
        seg.s.push(index * 4_000);
        seg.e.push(index * 4_000 + 3_600);
        seg.sp.push(`S${(index % 3) + 1}`);
        seg.x.push(text);
      });
    }
    const rows = JSON.stringify(meetings);
    await db.query('begin');
    await db.query(
      `insert into meeting_access (meeting_id, owner_id, participant_emails, language, version, updated_at)
       select d.meeting_id, d.owner_id, d.participants, d.language, 1, now()
       from jsonb_to_recordset($1::jsonb) as d(meeting_id uuid, owner_id text, participants text[], language text)`,
      [rows],
    );
    await db.query(
      `insert into search_meeting (meeting_id, version, title, occurs_at)
       select d.meeting_id, 1, d.title, d.occurs_at from jsonb_to_recordset($1::jsonb) as d(meeting_id uuid, title text, occurs_at timestamptz)`,
      [rows],
    );
    await db.query(
      `insert into transcript (id, meeting_id, media_id, object_key, requested_language, language, status, stage, percent,
         engine, duration_seconds, segment_count, word_count, created_at, updated_at, completed_at)
       select d.transcript_id, d.meeting_id, gen_random_uuid(), 'bench', d.language, d.language, 'COMPLETED', 'COMPLETED', 100,
         'bench', ${SEGMENTS_PER_MEETING * 4}, ${SEGMENTS_PER_MEETING}, 0, d.occurs_at, d.occurs_at, d.occurs_at
       from jsonb_to_recordset($1::jsonb) as d(transcript_id uuid, meeting_id uuid, language text, occurs_at timestamptz)`,
      [rows],
    );
    await db.query(
      `insert into transcript_segment (transcript_id, "index", start_ms, end_ms, speaker, raw_text, text, confidence, attempt, occurred_at)
       select t, i, s, e, sp, x, x, 0.9, 1, now()
       from unnest($1::uuid[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[]) as u(t, i, s, e, sp, x)`,
      [seg.t, seg.i, seg.s, seg.e, seg.sp, seg.x],
    );
    await db.query('commit');
    segments += seg.t.length;
    bar.update(first + meetings.length);
  }
  bar.finish();
  await db.query('analyze');
  return { segments, seconds: (performance.now() - started) / 1000 };
}

/** Live indexing: `transcript.ready` for `count` meetings through NATS, until the service has re-indexed each. */
async function indexThroughEvents(db: pg.Client, nc: Awaited<ReturnType<typeof connect>>, count: number) {
  const runs = await db.query<{ meeting_id: string; id: string }>(
    'select meeting_id, id from transcript order by meeting_id limit $1',
    [count],
  );
  const since = (await db.query<{ now: Date }>('select now() as now')).rows[0]!.now;
  const started = performance.now();
  const js = nc.jetstream();
  await Promise.all(
    runs.rows.map((run) => {
      const event = createEvent('transcript.ready', run.meeting_id, {
        transcriptId: run.id,
        segmentCount: SEGMENTS_PER_MEETING,
        wordCount: 0,
      });
      return js.publish(eventSubject(run.meeting_id, 'transcript.ready'), JSON.stringify(event), {
        msgID: event.id,
      });
    }),
  );
  await waitFor(
    'meetings re-indexed from events',
    async () =>
      Number(
        (await db.query('select count(*) from search_meeting where updated_at > $1', [since])).rows[0]!.count,
      ) >= count,
    600_000,
    100,
  );
  const seconds = (performance.now() - started) / 1000;
  return `search: ${count} transcript.ready events re-indexed ${count * (SEGMENTS_PER_MEETING + 1)} passages in ${seconds.toFixed(1)} s (${((count * (SEGMENTS_PER_MEETING + 1)) / seconds).toFixed(0)} passages/s, ${(count / seconds).toFixed(1)} meetings/s, 4 at a time)`;
}

async function measure(secret: string, user: AuthenticatedUser, query: string, withCount: boolean) {
  const selection = `edges { cursor node { meeting { id } segment { index text speaker } highlight score } } pageInfo { hasNextPage endCursor }${withCount ? ' totalCount' : ''}`;
  const body = JSON.stringify({
    query: `query ($q: String!) { searchTranscripts(query: $q, first: 20) { ${selection} } }`,
    variables: { q: query },
  });
  const call = async () => {
    const response = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signInternalIdentity(user, secret, { audience: 'transcripts', body }),
      },
      body,
    });
    const json = (await response.json()) as {
      errors?: unknown;
      data?: { searchTranscripts: { totalCount?: number; edges: unknown[] } };
    };
    if (json.errors) throw new Error(JSON.stringify(json.errors));
    return json.data!.searchTranscripts;
  };
  for (let i = 0; i < 5; i++) await call();
  const latencies: number[] = [];
  let total = 0;
  for (let i = 0; i < REQUESTS_PER_QUERY; i++) {
    const t0 = performance.now();
    const result = await call();
    latencies.push(performance.now() - t0);
    total = result.totalCount ?? result.edges.length;
  }
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return { p50: at(0.5), p95: at(0.95), total };
}
