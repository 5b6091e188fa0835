import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import {
  STREAMS,
  createJob,
  jobSubject,
  reportResultSchema,
  type TranscriptSegmentRecord,
} from '@mymeet/contracts';
import { createLogger } from '@mymeet/core';
import { startLocalS3Server, type LocalS3Server } from '@mymeet/tools';
import {
  answerSegmentRequests,
  eventsOf,
  eventually,
  freePort,
  publishEvent,
  spawnService,
  synthesizeRecording,
  testNatsUrl,
  type SpawnedService,
} from '@mymeet/testing';
import { loadReportWorkerConfig } from '../src/config.js';
import { startReportWorker } from '../src/report-worker.js';
import { MEETING_DAY } from './support/planning-meetings.js';

const BUCKET = 'report-speech';
/** The ASR worker's durable consumer (deployables never import each other, so named here). */
const ASR_DURABLE = 'asr-worker';

/**
 * The field report end to end on real speech: two flite voices say the meeting, the real ASR worker
 * (PocketSphinx, as a process) transcribes it into lowercase unpunctuated segments, and the report
 * worker finds the tasks in them.
 */
describe('a report on a recording transcribed by PocketSphinx (flite speech, real ASR worker)', function () {
  this.timeout(180_000);
  let nc: NatsConnection;
  let s3: LocalS3Server;
  let asr: SpawnedService;
  let work: string;

  before(async () => {
    nc = await connect({ servers: testNatsUrl() });
    const jsm = await nc.jetstreamManager();
    // Jobs other test files left for no worker must not run before ours.
    await jsm.streams.purge(STREAMS.jobs.name, { filter: jobSubject('asr') }).catch(() => undefined);
    work = await mkdtemp(join(tmpdir(), 'report-speech-'));
    s3 = await startLocalS3Server({ directory: join(work, 's3') });
    // The local server checks no signatures (a test double): plain PUTs make the bucket and object.
    assert.ok((await fetch(`${s3.endpoint}/${BUCKET}`, { method: 'PUT' })).ok);
    const port = await freePort();
    asr = await spawnService('workers/asr/dist/src/main.js', port, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      NATS_URL: testNatsUrl(),
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
      ASR_ENGINE: 'pocketsphinx',
      ASR_WORKER_PORT: String(port),
      ASR_TEMP_DIR: work,
    });
  });

  after(async () => {
    await asr?.stop();
    const jsm = await nc.jetstreamManager();
    await jsm.consumers.delete(STREAMS.jobs.name, ASR_DURABLE).catch(() => false);
    await s3?.stop();
    await nc.drain();
    await rm(work, { recursive: true, force: true });
  });

  it("finds Bob's task, Alice's and the follow-up meeting, with owners and ISO due dates", async () => {
    const recording = synthesizeRecording({
      turns: [
        {
          voice: 'slt',
          text: 'Good morning everyone. We decided to ship the new billing page on Friday. Alice will write the release notes by Thursday.',
        },
        {
          voice: 'rms',
          text: 'Thanks. Bob will update the pricing table tomorrow. Let us meet again next Monday to review the launch.',
        },
      ],
      pauseMs: 1_200,
      directory: work,
    });
    const objectKey = `recordings/${randomUUID()}.ogg`;
    const upload = await fetch(`${s3.endpoint}/${BUCKET}/${objectKey}`, {
      method: 'PUT',
      body: await readFile(recording.path),
    });
    assert.ok(upload.ok);

    const meetingId = randomUUID();
    const transcriptId = randomUUID();
    await publishEvent(nc, 'meeting.created', meetingId, {
      ownerId: 'owner-1',
      participantEmails: ['alice@example.com', 'bob@example.com'],
      version: 1,
      title: 'Billing launch',
    });
    const asrJob = createJob('asr', {
      transcriptId,
      meetingId,
      mediaId: randomUUID(),
      objectKey,
      language: 'en',
      durationSeconds: recording.durationMs / 1000,
    });
    await nc.jetstream().publish(jobSubject('asr'), JSON.stringify(asrJob), { msgID: asrJob.id });
    await eventually(
      async () => {
        const done = await eventsOf(nc, meetingId, 'transcript.completed');
        const failed = await eventsOf(nc, meetingId, 'transcript.failed');
        assert.equal(failed.length, 0, `${JSON.stringify(failed)}\n${asr.output()}`);
        assert.equal(done.length, 1);
      },
      120_000,
      500,
    );
    const segments: TranscriptSegmentRecord[] = (await eventsOf(nc, meetingId, 'transcript.segment')).map(
      ({ payload: { index, startMs, endMs, text } }) => ({ index, startMs, endMs, speaker: null, text }),
    );
    console.log(
      `      PocketSphinx: ${segments.map((s) => `[${s.index} ${s.startMs}–${s.endMs}] ${s.text}`).join(' | ')}`,
    );
    assert.ok(segments.every((segment) => segment.text === segment.text.toLowerCase()));

    const responder = answerSegmentRequests(nc, new Map([[transcriptId, segments]]));
    const worker = await startReportWorker(
      loadReportWorkerConfig({
        NATS_URL: testNatsUrl(),
        REPORT_WORKER_PORT: '0',
        REPORT_MAX_DELIVER: '1',
        LOG_LEVEL: 'silent',
      }),
      createLogger('report-worker', 'silent'),
    );
    try {
      const reportId = randomUUID();
      const job = createJob(
        'report',
        {
          reportId,
          meetingId,
          transcriptId,
          template: 'SUMMARY',
          language: 'en',
          referenceDate: MEETING_DAY.toISOString(),
        },
        reportId,
      );
      await nc.jetstream().publish(jobSubject('report'), JSON.stringify(job), { msgID: job.id });
      const [generated] = await eventually(async () => {
        const events = await eventsOf(nc, meetingId, 'report.generated');
        assert.equal(events.length, 1);
        return events;
      }, 30_000);
      const report = reportResultSchema.parse(generated!.payload.result);
      console.log(`      ${report.markdown.replace(/\n+/g, '\n      ')}`);
      const bob = report.actionItems.find((item) => item.owner === 'Bob');
      assert.ok(bob, JSON.stringify(report.actionItems));
      assert.match(bob.text, /^Bob will update the pricing table/);
      assert.equal(bob.dueDate, '2026-03-10');
      assert.ok(
        report.actionItems.some((item) => item.owner === 'Alice'),
        JSON.stringify(report.actionItems),
      );
      assert.ok(
        report.actionItems.some((item) => item.owner === null && item.dueDate === '2026-03-16'),
        JSON.stringify(report.actionItems),
      );
      assert.ok(
        report.decisions.some((decision) => /^We decided to \S+ the new billing page/.test(decision.text)),
        JSON.stringify(report.decisions),
      );
    } finally {
      await worker.stop();
      responder.stop();
    }
  });
});
