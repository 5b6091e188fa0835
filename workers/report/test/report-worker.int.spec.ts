import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import { createJob, jobSubject, reportResultSchema, type TranscriptSegmentRecord } from '@mymeet/contracts';
import { createLogger } from '@mymeet/core';
import { answerSegmentRequests, eventsOf, eventually, publishEvent, testNatsUrl } from '@mymeet/testing';
import { loadReportWorkerConfig } from '../src/config.js';
import { startReportWorker } from '../src/report-worker.js';
import { ENGLISH_PLANNING, MEETING_DAY } from './support/planning-meetings.js';
import { FIELD_RECORDING } from './support/spoken-meetings.js';

describe('report worker against NATS', function () {
  this.timeout(60_000);
  let nc: NatsConnection;
  let worker: { stop(): Promise<void> };
  let responder: ReturnType<typeof answerSegmentRequests>;
  const transcriptId = randomUUID();
  const spokenTranscriptId = randomUUID();

  before(async () => {
    nc = await connect({ servers: testNatsUrl() });
    responder = answerSegmentRequests(
      nc,
      new Map<string, TranscriptSegmentRecord[]>([
        [transcriptId, ENGLISH_PLANNING],
        [spokenTranscriptId, FIELD_RECORDING],
      ]),
    );
    const config = loadReportWorkerConfig({
      NATS_URL: testNatsUrl(),
      REPORT_WORKER_PORT: '0',
      REPORT_MAX_DELIVER: '1',
      LOG_LEVEL: 'silent',
    });
    worker = await startReportWorker(config, createLogger('report-worker', 'silent'));
  });

  after(async () => {
    await worker.stop();
    responder.stop();
    await nc.drain();
  });

  async function queue(payload: {
    transcriptId: string;
    template?: 'SUMMARY' | 'PROTOCOL' | 'ACTION_ITEMS';
    meetingId?: string;
  }) {
    const meetingId = payload.meetingId ?? randomUUID();
    const reportId = randomUUID();
    const job = createJob(
      'report',
      {
        reportId,
        meetingId,
        template: 'SUMMARY',
        language: 'en',
        referenceDate: MEETING_DAY.toISOString(),
        ...payload,
      },
      reportId,
    );
    await nc.jetstream().publish(jobSubject('report'), JSON.stringify(job), { msgID: job.id });
    return { meetingId, reportId };
  }

  it('reads the segments page by page, publishes growing progress and the result', async () => {
    const { meetingId, reportId } = await queue({ transcriptId, template: 'PROTOCOL' });
    const [generated] = await eventually(async () => {
      const events = await eventsOf(nc, meetingId, 'report.generated');
      assert.equal(events.length, 1);
      return events;
    }, 30_000);
    assert.equal(generated!.payload.reportId, reportId);
    assert.equal(generated!.payload.model, 'extractive-textrank');
    const result = reportResultSchema.parse(generated!.payload.result);
    assert.deepEqual(
      result.actionItems.map((item) => [item.owner, item.dueDate, item.segments[0]]),
      [
        ['Bob', '2026-03-13', 11],
        ['Carol', '2026-03-20', 12],
        ['Dave', '2026-03-11', 13],
      ],
    );
    assert.match(result.markdown, /^# Meeting minutes/);
    assert.ok(responder.requests >= 4, `16 segments at 5 a page take 4 requests, saw ${responder.requests}`);

    const progress = (await eventsOf(nc, meetingId, 'report.progress')).map((event) => event.payload.percent);
    assert.ok(progress.length >= 3);
    assert.deepEqual(
      progress,
      [...progress].sort((a, b) => a - b),
      'progress only grows',
    );
  });

  it("names owners heard without capitals after the meeting's participants, read from the STATE stream", async () => {
    const meetingId = randomUUID();
    // A meeting whose participants changed: the newest state counts.
    await publishEvent(nc, 'meeting.created', meetingId, {
      ownerId: 'owner-1',
      participantEmails: ['someone@example.com'],
      version: 1,
      title: 'Launch',
    });
    await publishEvent(nc, 'meeting.updated', meetingId, {
      ownerId: 'owner-1',
      participantEmails: ['ellis@example.com', 'bob@example.com'],
      version: 2,
      title: 'Launch',
    });
    const spoken = FIELD_RECORDING.map((segment) => ({
      ...segment,
      // "ellis" is a participant but no common first name: only the meeting's record makes it a person.
      text: segment.text.replace('alice', 'ellis'),
    }));
    responder.stop();
    responder = answerSegmentRequests(
      nc,
      new Map<string, TranscriptSegmentRecord[]>([[spokenTranscriptId, spoken]]),
    );
    await queue({ transcriptId: spokenTranscriptId, meetingId });
    const [generated] = await eventually(async () => {
      const events = await eventsOf(nc, meetingId, 'report.generated');
      assert.equal(events.length, 1);
      return events;
    }, 30_000);
    const result = reportResultSchema.parse(generated!.payload.result);
    assert.deepEqual(
      result.actionItems.map((item) => [item.owner, item.dueDate, item.segments]),
      [
        ['Ellis', null, [0]],
        ['Bob', '2026-03-10', [1]],
        [null, '2026-03-16', [1]],
      ],
    );
  });

  it('fails a report whose transcript is gone, with a reason', async () => {
    const { meetingId, reportId } = await queue({ transcriptId: randomUUID() });
    const [failed] = await eventually(async () => {
      const events = await eventsOf(nc, meetingId, 'report.failed');
      assert.equal(events.length, 1);
      return events;
    }, 30_000);
    assert.deepEqual(failed!.payload, {
      reportId,
      reason: 'The transcript this report was asked for no longer exists.',
    });
    assert.equal((await eventsOf(nc, meetingId, 'report.generated')).length, 0);
  });
});
