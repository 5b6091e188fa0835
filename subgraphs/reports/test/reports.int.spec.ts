import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { deliverAgain, errorCode, eventsOf, eventually, waitForCatchUp } from '@mymeet/testing';
import { planningResult } from './support/report-results.js';
import { ReportsHarness, user } from './support/reports-harness.js';

const ITEMS =
  'id version status template model summary decisions actionItems { id text owner dueDate status segments } decisionItems { id text status }';

describe('reports subgraph against PostgreSQL and NATS', function () {
  this.timeout(60_000);
  const harness = new ReportsHarness('reports');
  const alice = user('alice');
  const bob = user('bob');
  const eve = user('eve');

  before(() => harness.start());
  after(() => harness.stop());

  /** Everything published so far of a kind has been handled by the service. */
  const handled = (kind: string) =>
    waitForCatchUp(harness.nc, 'EVENTS', `${harness.consumerPrefix}-${kind.replace('.', '-')}`, 20_000);

  async function readyTranscript(meetingId: string) {
    const transcriptId = randomUUID();
    const event = await harness.publish('transcript.ready', meetingId, {
      transcriptId,
      segmentCount: 16,
      wordCount: 240,
    });
    return { transcriptId, event };
  }

  async function onlyReport(meetingId: string, fields = ITEMS) {
    return eventually(async () => {
      const reports = await harness.reportsOf(alice, meetingId, fields);
      assert.equal(reports.length, 1);
      return reports[0]!;
    });
  }

  it('queues one SUMMARY report per ready transcript, with report.queued and a job of references only', async () => {
    const meetingId = await harness.newMeeting(alice, ['bob@example.com']);
    const { transcriptId, event } = await readyTranscript(meetingId);
    await deliverAgain(harness.nc, event);
    const report = await onlyReport(meetingId, 'id version status template model transcriptId');
    await handled('transcript.ready');
    assert.deepEqual(report, {
      id: report.id,
      version: 1,
      status: 'QUEUED',
      template: 'SUMMARY',
      model: 'pending',
      transcriptId,
    });
    assert.equal(
      (await harness.reportsOf(alice, meetingId, 'id')).length,
      1,
      'a redelivery queues nothing more',
    );

    const [job] = await harness.sql<{ envelope: { id: string; payload: Record<string, unknown> } }>(
      `select envelope from outbox_event where subject = 'jobs.report' and envelope->'payload'->>'reportId' = ?`,
      [report.id],
    );
    assert.equal(job!.envelope.id, report.id, 'the job id deduplicates publishes');
    assert.deepEqual(Object.keys(job!.envelope.payload).sort(), [
      'instructions',
      'language',
      'meetingId',
      'referenceDate',
      'reportId',
      'template',
      'transcriptId',
    ]);
    assert.equal(job!.envelope.payload.transcriptId, transcriptId);
    const queued = await eventually(async () => {
      const events = await eventsOf(harness.nc, meetingId, 'report.queued');
      assert.equal(events.length, 1);
      return events;
    });
    assert.equal(queued[0]!.payload.reportId, report.id);
  });

  it('stores the worker’s result once, announces report.completed once, and ignores what comes after', async () => {
    const meetingId = await harness.newMeeting(alice);
    await readyTranscript(meetingId);
    const { id: reportId } = await onlyReport(meetingId, 'id');
    await harness.publish('report.progress', meetingId, { reportId, stage: 'ANALYSING', percent: 40 });
    await eventually(async () =>
      assert.deepEqual(await onlyReport(meetingId, 'status progress'), {
        status: 'GENERATING',
        progress: 40,
      }),
    );

    const generated = await harness.publish('report.generated', meetingId, {
      reportId,
      model: 'extractive-textrank',
      language: 'en',
      result: planningResult(),
    });
    await deliverAgain(harness.nc, generated);
    await harness.publish('report.failed', meetingId, { reportId, reason: 'a late failure' });
    await harness.publish('report.progress', meetingId, { reportId, stage: 'READING', percent: 5 });
    await Promise.all(['report.generated', 'report.failed', 'report.progress'].map(handled));

    const report = await onlyReport(
      meetingId,
      `${ITEMS} progress failureReason markdown keyPointDetails { text segments }`,
    );
    assert.equal(report.status, 'READY');
    assert.equal(report.progress, 100);
    assert.equal(report.failureReason, null);
    assert.equal(report.model, 'extractive-textrank');
    assert.deepEqual(report.decisions, [
      'We decided to move the release to April 14.',
      'We agreed that the marketing budget goes to the webinar series.',
    ]);
    assert.deepEqual(
      report.actionItems.map((item: any) => [item.owner, item.dueDate, item.status, item.segments]),
      [
        ['Bob', '2026-03-13', 'OPEN', [11]],
        ['Carol', '2026-03-20', 'OPEN', [12]],
        ['Dave', '2026-03-11', 'OPEN', [13]],
      ],
    );
    assert.deepEqual(report.keyPointDetails, [
      { text: 'Exports are slow on large projects.', segments: [2] },
    ]);
    assert.equal((await eventsOf(harness.nc, meetingId, 'report.completed')).length, 1);
  });

  it('regenerates as a new version, keeps the old one, and keeps the owner’s ticks where the item still exists', async () => {
    const meetingId = await harness.newMeeting(alice, ['bob@example.com']);
    await readyTranscript(meetingId);
    const first = await onlyReport(meetingId, 'id');
    await harness.publish('report.generated', meetingId, {
      reportId: first.id,
      model: 'extractive-textrank',
      result: planningResult(),
    });
    const v1 = await eventually(async () => {
      const report = await onlyReport(meetingId);
      assert.equal(report.status, 'READY');
      return report;
    });
    const [plan, webinars, profiling] = v1.actionItems as Array<{ id: string }>;

    const tick = (caller: typeof alice, id: string, status = 'DONE') =>
      harness.call(
        caller,
        'mutation ($id: ID!, $s: ReportItemStatus!) { setActionItemStatus(id: $id, status: $s) { id status text } }',
        { id, s: status },
      );
    assert.equal(errorCode(await tick(bob, plan!.id)), 'FORBIDDEN', 'a participant sees but cannot tick');
    assert.equal(errorCode(await tick(eve, plan!.id)), 'NOT_FOUND', 'an outsider learns nothing');
    assert.deepEqual((await tick(alice, plan!.id)).data!.setActionItemStatus, {
      id: plan!.id,
      status: 'DONE',
      text: v1.actionItems[0].text,
    });
    await tick(alice, webinars!.id);
    const decision = v1.decisionItems[1] as { id: string };
    await harness.query(alice, 'mutation ($id: ID!) { setDecisionStatus(id: $id, status: DONE) { id } }', {
      id: decision.id,
    });

    const generate =
      'mutation ($m: ID!) { generateReport(meetingId: $m, template: PROTOCOL, instructions: "Focus on tasks") { id version status template instructions } }';
    assert.equal(errorCode(await harness.call(bob, generate, { m: meetingId })), 'FORBIDDEN');
    const v2 = (await harness.query(alice, generate, { m: meetingId })).generateReport;
    assert.deepEqual(
      { ...v2, id: undefined },
      { id: undefined, version: 2, status: 'QUEUED', template: 'PROTOCOL', instructions: 'Focus on tasks' },
    );
    await harness.publish('report.generated', meetingId, {
      reportId: v2.id,
      model: 'openai:test',
      result: planningResult('regenerated'),
    });

    const [latest, oldest] = await eventually(async () => {
      const reports = await harness.reportsOf(alice, meetingId, ITEMS);
      assert.deepEqual(
        reports.map((r) => [r.version, r.status]),
        [
          [2, 'READY'],
          [1, 'READY'],
        ],
      );
      return reports;
    });
    assert.deepEqual(
      oldest,
      { ...v1, actionItems: oldest!.actionItems, decisionItems: oldest!.decisionItems },
      'version 1 is untouched',
    );
    assert.equal(oldest!.actionItems.length, 3);
    const items = latest!.actionItems as Array<{ id: string; status: string; text: string }>;
    assert.equal(items[0]!.id, plan!.id, 'the reworded task is the same item');
    assert.equal(items[0]!.status, 'DONE', 'and keeps its tick');
    assert.equal(items[1]!.id, profiling!.id);
    assert.equal(items[1]!.status, 'OPEN');
    assert.ok(![plan!.id, webinars!.id, profiling!.id].includes(items[2]!.id), 'a new task is a new item');
    assert.equal(items[2]!.status, 'OPEN');
    assert.deepEqual(
      latest!.decisionItems.map((d: any) => [d.id, d.status]),
      [
        [v1.decisionItems[0].id, 'OPEN'],
        [decision.id, 'DONE'],
      ],
    );
    assert.equal(oldest!.actionItems[1].status, 'DONE', 'a tick shows in every version holding the item');
  });

  it('refuses a report for a meeting without a transcript, and hides reports from outsiders', async () => {
    const meetingId = await harness.newMeeting(alice, ['bob@example.com']);
    const generate = 'mutation ($m: ID!) { generateReport(meetingId: $m) { id } }';
    const refused = await harness.call(alice, generate, { m: meetingId });
    assert.deepEqual(
      [errorCode(refused), refused.errors![0]!.extensions!.field],
      ['BAD_USER_INPUT', 'meetingId'],
    );
    assert.equal(errorCode(await harness.call(eve, generate, { m: meetingId })), 'NOT_FOUND');

    await readyTranscript(meetingId);
    const { id } = await onlyReport(meetingId, 'id');
    const byId = 'query ($id: ID!) { report(id: $id) { id } }';
    assert.deepEqual((await harness.query(bob, byId, { id })).report, { id });
    assert.equal((await harness.query(eve, byId, { id })).report, null);
    assert.deepEqual(await harness.reportsOf(eve, meetingId, 'id'), []);
  });

  it('deletes a meeting’s reports when the meeting is deleted', async () => {
    const meetingId = await harness.newMeeting(alice);
    await readyTranscript(meetingId);
    await onlyReport(meetingId, 'id');
    await harness.publish('meeting.deleted', meetingId, { ownerId: alice.sub, version: 2 });
    await eventually(async () => {
      const rows = await harness.sql('select 1 from report where meeting_id = ?', [meetingId]);
      assert.equal(rows.length, 0);
    });
    const [tracked] = await harness.sql<{ count: string }>(
      'select count(*) from tracked_item where meeting_id = ?',
      [meetingId],
    );
    assert.equal(Number(tracked!.count), 0);
  });
});
