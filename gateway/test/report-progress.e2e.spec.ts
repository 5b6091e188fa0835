import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { publishEvent } from '@mymeet/testing';
import { watch } from './support/progress-watcher.js';
import { startSubscriptionPlatform, type SubscriptionPlatform } from './support/subscription-platform.js';

interface ReportProgress {
  cursor: string;
  meetingId: string;
  reportId: string;
  status: string;
  percent: number;
  at: string;
  report: { status: string; summary: string | null } | null;
}

const REPORT_PROGRESS = `subscription ($meetingId: ID!, $after: String) {
  reportProgress(meetingId: $meetingId, after: $after) { cursor meetingId reportId status percent at report { status summary } }
}`;

/**
 * The reports service as its own process: a stored transcript starts a report run (report.queued
 * from the service), the test plays the report worker (progress, result), and the service's
 * report.completed ends the stream, with `report { summary }` read from the reports subgraph.
 */
describe('reportProgress end to end: reports service and gateway processes', function () {
  this.timeout(90_000);
  let platform: SubscriptionPlatform;

  before(async () => {
    platform = await startSubscriptionPlatform({}, undefined, { reports: true });
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') console.log(platform.gateway.output().slice(-5_000));
  });

  after(async () => {
    await platform?.stop();
  });

  it('streams a report run from QUEUED to READY with the report resolved, then completes', async () => {
    const alice = await platform.token('alice');
    const meeting = await platform.createMeeting(alice, { title: 'Planning' });
    const live = watch<ReportProgress>(
      platform.wsUrl,
      alice,
      { meetingId: meeting.id },
      {
        query: REPORT_PROGRESS,
        field: 'reportProgress',
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await publishEvent(platform.nc, 'transcript.ready', meeting.id, {
      transcriptId: randomUUID(),
      segmentCount: 3,
      wordCount: 30,
    });
    await live.first;
    const reportId = live.events[0]!.reportId;
    assert.equal(live.events[0]!.status, 'QUEUED');
    for (const [stage, percent] of [
      ['READING', 20],
      ['ANALYSING', 60],
    ] as const) {
      await publishEvent(platform.nc, 'report.progress', meeting.id, { reportId, stage, percent });
    }
    await publishEvent(platform.nc, 'report.generated', meeting.id, {
      reportId,
      model: 'extractive',
      language: 'en',
      result: {
        summary: { text: 'The release moves to April 14.', segments: [0] },
        keyPoints: [],
        decisions: [],
        actionItems: [],
        topics: [],
        attendees: [],
        agenda: [],
        markdown: '# Summary\n\nThe release moves to April 14.\n',
      },
    });
    assert.deepEqual(await live.ended, { kind: 'completed' });
    assert.deepEqual(
      live.events.map((event) => [event.status, event.percent]),
      [
        ['QUEUED', 0],
        ['GENERATING', 20],
        ['GENERATING', 60],
        ['GENERATING', 60],
        ['READY', 100],
      ],
    );
    const ready = live.events.at(-1)!;
    assert.deepEqual(ready.report, { status: 'READY', summary: 'The release moves to April 14.' });
    assert.ok(live.events.every((event) => event.reportId === reportId && event.meetingId === meeting.id));

    const mallory = await platform.token('mallory');
    const refused = await watch(
      platform.wsUrl,
      mallory,
      { meetingId: meeting.id },
      { query: REPORT_PROGRESS },
    ).ended;
    assert.deepEqual(refused, {
      kind: 'errors',
      errors: [{ message: 'Meeting not found', extensions: { code: 'NOT_FOUND' } }],
    });
    // After the end, a late subscriber gets the final state and the stream completes at once.
    const late = watch<ReportProgress>(
      platform.wsUrl,
      alice,
      { meetingId: meeting.id },
      {
        query: REPORT_PROGRESS,
        field: 'reportProgress',
      },
    );
    assert.deepEqual(await late.ended, { kind: 'completed' });
    assert.deepEqual(late.events, [ready]);
  });
});
