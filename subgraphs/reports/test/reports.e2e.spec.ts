import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { mintDevToken } from '@mymeet/auth';
import { deleteConsumersWithPrefix } from '@mymeet/messaging';
import {
  dropDatabase,
  eventually,
  freePort,
  graphqlClient,
  publishEvent,
  repoRoot,
  spawnService,
  testDatabaseUrl,
  testNatsUrl,
  testSecrets,
  waitForCatchUp,
  type SpawnedService,
} from '@mymeet/testing';

/** A short standup, as the ASR worker would publish it (speakers named, punctuation from a good engine). */
const STANDUP: Array<[string, string]> = [
  ['Maria', 'Morning all, this is the standup for the billing migration.'],
  ['Tom', 'The new invoice service passed load testing yesterday, but the PDF export still times out.'],
  ['Maria', 'We agreed that the old billing system stays read-only from next month.'],
  ['Tom', "I'll fix the PDF export timeout by Thursday."],
  ['Maria', 'Priya, can you update the migration runbook by March 20?'],
  ['Priya', 'Sure, I will do it.'],
];

/**
 * Meetings, transcripts, reports, the report worker and the gateway as their own processes; the test
 * plays media (media.ready) and the ASR worker (transcript events). From there nobody acts: the
 * transcript completes, a report is made from it and the meeting becomes READY, read through the gateway.
 */
describe('reports end to end: transcript → report READY through the gateway', function () {
  this.timeout(120_000);
  const secrets = testSecrets();
  const run = randomUUID().slice(0, 8);
  const databases = ['meetings', 'transcripts', 'reports'].map((name) =>
    testDatabaseUrl(`reports_e2e_${name}`),
  );
  const prefixes = ['meetings', 'transcripts', 'reports'].map((name) => `reports-e2e-${name}-${run}`);
  const services: SpawnedService[] = [];
  let nc: NatsConnection;
  let asAlice: ReturnType<typeof graphqlClient>;

  before(async () => {
    nc = await connect({ servers: testNatsUrl() });
    const [meetingsPort, transcriptsPort, reportsPort, workerPort, gatewayPort] = await Promise.all(
      Array.from({ length: 5 }, () => freePort()),
    );
    const common = { ...secrets, NATS_URL: testNatsUrl(), LOG_LEVEL: 'warn' };
    const spawned = await Promise.all([
      spawnService('subgraphs/meetings/dist/src/main.js', meetingsPort!, {
        ...common,
        MEETINGS_PORT: String(meetingsPort),
        MEETINGS_DATABASE_URL: databases[0]!,
        MEETINGS_CONSUMER_PREFIX: prefixes[0]!,
        MEETINGS_CONSUMER_START: 'new',
      }),
      spawnService('subgraphs/transcripts/dist/src/main.js', transcriptsPort!, {
        ...common,
        TRANSCRIPTS_PORT: String(transcriptsPort),
        TRANSCRIPTS_DATABASE_URL: databases[1]!,
        TRANSCRIPTS_CONSUMER_PREFIX: prefixes[1]!,
        TRANSCRIPTS_CONSUMER_START: 'new',
      }),
      spawnService('subgraphs/reports/dist/src/main.js', reportsPort!, {
        ...common,
        REPORTS_PORT: String(reportsPort),
        REPORTS_DATABASE_URL: databases[2]!,
        REPORTS_CONSUMER_PREFIX: prefixes[2]!,
        REPORTS_CONSUMER_START: 'new',
      }),
      spawnService('workers/report/dist/src/main.js', workerPort!, {
        ...common,
        REPORT_WORKER_PORT: String(workerPort),
      }),
    ]);
    services.push(...spawned);
    const gateway = await spawnService('gateway/dist/src/main.js', gatewayPort!, {
      ...common,
      GATEWAY_PORT: String(gatewayPort),
      MEETINGS_SUBGRAPH_URL: `${spawned[0]!.url}/graphql`,
      TRANSCRIPTS_SUBGRAPH_URL: `${spawned[1]!.url}/graphql`,
      REPORTS_SUBGRAPH_URL: `${spawned[2]!.url}/graphql`,
      SUPERGRAPH_PATH: resolve(repoRoot, 'supergraph.graphql'),
    });
    services.push(gateway);
    asAlice = graphqlClient(
      `${gateway.url}/graphql`,
      await mintDevToken(secrets.JWT_SECRET, { sub: `alice-${run}`, email: 'alice@example.com' }),
    );
  });

  after(async () => {
    for (const service of services.reverse()) await service.stop();
    await nc?.close();
    for (const prefix of prefixes) await deleteConsumersWithPrefix(testNatsUrl(), prefix);
    await Promise.all(databases.map((url) => dropDatabase(url)));
  });

  const ask = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await asAlice(query, variables);
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return response.data!;
  };

  it('makes a cited report with owners and dates, with no further action, then a second version on request', async () => {
    const meetingId = (
      await ask('mutation { createMeeting(input: { title: "Billing standup", language: "en" }) { id } }')
    ).createMeeting.id as string;
    await waitForCatchUp(nc, 'STATE', `${prefixes[1]}-meeting-state`);
    await waitForCatchUp(nc, 'STATE', `${prefixes[2]}-meeting-state`);
    const transcriptId = randomUUID();
    const mediaId = randomUUID();
    await publishEvent(nc, 'media.ready', meetingId, {
      mediaId,
      transcriptId,
      language: 'en',
      objectKey: `meetings/${meetingId}/media/${mediaId}/standup.mp3`,
      contentType: 'audio/mpeg',
      byteSize: 400_000,
      durationSeconds: 60,
    });
    await eventually(async () =>
      assert.equal(
        (await ask('query ($id: ID!) { meeting(id: $id) { status } }', { id: meetingId })).meeting.status,
        'PROCESSING',
      ),
    );
    for (const [index, [speaker, text]] of STANDUP.entries()) {
      await publishEvent(nc, 'transcript.segment', meetingId, {
        transcriptId,
        index,
        startMs: index * 10_000,
        endMs: index * 10_000 + 9_000,
        speaker,
        text,
        confidence: 0.95,
        attempt: 1,
      });
    }
    await publishEvent(nc, 'transcript.completed', meetingId, {
      transcriptId,
      engine: 'whisper',
      language: 'en',
      durationSeconds: 60,
      segmentCount: STANDUP.length,
      attempt: 1,
    });

    const FIELDS =
      'status failureReason reports { id version status template model decisions actionItems { id owner dueDate segments status } markdown }';
    const meeting = await eventually(async () => {
      const found = (await ask(`query ($id: ID!) { meeting(id: $id) { ${FIELDS} } }`, { id: meetingId }))
        .meeting;
      assert.equal(found.status, 'READY', JSON.stringify(found));
      return found;
    }, 60_000);
    const [report] = meeting.reports;
    assert.equal(report.status, 'READY');
    assert.equal(report.model, 'extractive-textrank');
    assert.deepEqual(report.decisions, [
      'We agreed that the old billing system stays read-only from next month.',
    ]);
    assert.deepEqual(
      report.actionItems.map((item: any) => [item.owner, item.segments]),
      [
        ['Tom', [3]],
        ['Priya', [4]],
      ],
    );
    assert.match(report.actionItems[0].dueDate, /^\d{4}-\d{2}-\d{2}$/, 'Thursday resolved to a date');
    assert.match(report.actionItems[1].dueDate, /^\d{4}-03-20$/);
    assert.match(report.markdown, /_\(00:30 #3\)_/);

    const ticked = await ask(
      'mutation ($id: ID!) { setActionItemStatus(id: $id, status: DONE) { id status } }',
      { id: report.actionItems[0].id },
    );
    assert.equal(ticked.setActionItemStatus.status, 'DONE');
    const second = (
      await ask(
        'mutation ($m: ID!) { generateReport(meetingId: $m, template: ACTION_ITEMS) { id version } }',
        { m: meetingId },
      )
    ).generateReport;
    assert.equal(second.version, 2);
    const versions = await eventually(async () => {
      const found = (await ask(`query ($id: ID!) { meeting(id: $id) { ${FIELDS} } }`, { id: meetingId }))
        .meeting.reports;
      assert.deepEqual(
        found.map((r: any) => [r.version, r.status]),
        [
          [2, 'READY'],
          [1, 'READY'],
        ],
      );
      return found;
    }, 30_000);
    assert.match(versions[0].markdown, /^# Action items/);
    assert.deepEqual(
      versions[0].actionItems.map((item: any) => [item.id, item.status]),
      report.actionItems.map((item: any, i: number) => [item.id, i === 0 ? 'DONE' : 'OPEN']),
      'the same tasks keep their ids and ticks in the new version',
    );
  });
});
