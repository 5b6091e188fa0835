import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { errorCode, eventually } from '@mymeet/testing';
import { planningResult } from './support/report-results.js';
import { ReportsHarness, user } from './support/reports-harness.js';
import { startTestSmtpServer } from './support/test-smtp-server.js';

const SEND =
  'mutation ($r: ID!, $to: [String!]!) { sendReport(reportId: $r, to: $to) { id status recipients } }';
const DELIVERIES =
  'query ($id: ID!) { report(id: $id) { deliveries { id status attempts accepted rejected error sentAt } } }';

describe('sendReport through a real SMTP server', function () {
  this.timeout(60_000);
  const alice = user('alice');
  const bob = user('bob');
  const eve = user('eve');
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let harness: ReportsHarness;
  let meetingId: string;
  let reportId: string;

  before(async () => {
    smtp = await startTestSmtpServer();
    harness = new ReportsHarness('reports_mail', {
      SMTP_URL: smtp.url,
      SMTP_FROM: 'MyMeet <reports@mymeet.test>',
      SMTP_TIMEOUT_MS: '5000',
      REPORTS_MAIL_MAX_ATTEMPTS: '3',
      REPORTS_MAIL_RETRY_DELAYS_MS: '200',
    });
    await harness.start();
    meetingId = await harness.newMeeting(alice, ['bob@example.com', 'carol@example.com']);
    await harness.publish('transcript.ready', meetingId, {
      transcriptId: randomUUID(),
      segmentCount: 16,
      wordCount: 240,
    });
    reportId = await eventually(async () => {
      const [report] = await harness.reportsOf(alice, meetingId, 'id');
      assert.ok(report);
      return report.id as string;
    });
    await harness.publish('report.generated', meetingId, {
      reportId,
      model: 'extractive-textrank',
      result: planningResult(),
    });
    await eventually(async () =>
      assert.equal((await harness.reportsOf(alice, meetingId, 'status'))[0]!.status, 'READY'),
    );
  });

  after(async () => {
    await harness.stop();
    await smtp.close();
  });

  const delivery = (caller: typeof alice, id: string, status: string) =>
    eventually(async () => {
      const found = (
        (await harness.query(caller, DELIVERIES, { id: reportId })).report.deliveries as Array<
          Record<string, any>
        >
      ).find((d) => d.id === id);
      assert.equal(found?.status, status, JSON.stringify(found));
      return found!;
    }, 20_000);

  it('mails both parts to the recipients, retrying a transient refusal, and records the outcome', async () => {
    smtp.state.refuseNext = 1;
    const sent = (
      await harness.query(alice, SEND, { r: reportId, to: ['Bob@Example.com', 'carol@example.com'] })
    ).sendReport;
    assert.deepEqual([sent.status, sent.recipients], ['PENDING', ['bob@example.com', 'carol@example.com']]);

    const outcome = await delivery(alice, sent.id, 'SENT');
    assert.equal(outcome.attempts, 2, 'the 451 was retried');
    assert.deepEqual(outcome.accepted, ['bob@example.com', 'carol@example.com']);
    assert.equal(smtp.received.length, 1);
    const [mail] = smtp.received;
    assert.deepEqual(mail!.envelopeTo, ['bob@example.com', 'carol@example.com']);
    assert.deepEqual(
      (Array.isArray(mail!.parsed.to) ? mail!.parsed.to : [mail!.parsed.to]).flatMap((to) =>
        to!.value.map((a) => a.address),
      ),
      ['bob@example.com', 'carol@example.com'],
    );
    assert.equal(mail!.parsed.from!.value[0]!.address, 'reports@mymeet.test');
    assert.match(mail!.parsed.subject!, /^Meeting summary \(\d{4}-\d{2}-\d{2}, version 1\)$/);
    assert.match(mail!.parsed.text!, /^# Meeting summary\n\nThe release moves to April 14\./);
    assert.match(mail!.parsed.html as string, /<h1>Meeting summary<\/h1>/);
    assert.match(
      mail!.parsed.html as string,
      /<li>\[ \] Bob will send the plan &lt;b&gt;now&lt;\/b&gt;<\/li>/,
      'markup in the text stays text',
    );
  });

  it('lets a participant mail participants only, and hides the report from outsiders', async () => {
    const outsider = await harness.call(bob, SEND, {
      r: reportId,
      to: ['carol@example.com', 'eve@elsewhere.org'],
    });
    assert.equal(errorCode(outsider), 'FORBIDDEN');
    assert.equal(outsider.errors![0]!.extensions!.field, 'to.1');
    const ok = (await harness.query(bob, SEND, { r: reportId, to: ['carol@example.com'] })).sendReport;
    await delivery(bob, ok.id, 'SENT');
    assert.equal(
      errorCode(await harness.call(eve, SEND, { r: reportId, to: ['eve@example.com'] })),
      'NOT_FOUND',
    );
    const bad = await harness.call(alice, SEND, { r: reportId, to: ['not an address'] });
    assert.deepEqual([errorCode(bad), bad.errors![0]!.extensions!.field], ['BAD_USER_INPUT', 'to.0']);
  });

  it('settles a permanent refusal FAILED after one attempt, with the server’s reason', async () => {
    const sent = (await harness.query(alice, SEND, { r: reportId, to: ['bounce@example.com'] })).sendReport;
    const outcome = await delivery(alice, sent.id, 'FAILED');
    assert.equal(outcome.attempts, 1);
    assert.match(outcome.error, /550/);
  });

  it('refuses to send a report that is not READY', async () => {
    const meeting = await harness.newMeeting(alice);
    await harness.publish('transcript.ready', meeting, {
      transcriptId: randomUUID(),
      segmentCount: 1,
      wordCount: 5,
    });
    const queued = await eventually(async () => {
      const [report] = await harness.reportsOf(alice, meeting, 'id');
      assert.ok(report);
      return report.id as string;
    });
    assert.equal(
      errorCode(await harness.call(alice, SEND, { r: queued, to: ['bob@example.com'] })),
      'BAD_USER_INPUT',
    );
  });
});
