import assert from 'node:assert/strict';
import { reportResultSchema, type ReportResult } from '@mymeet/contracts';
import type { Participant, ReportLanguage, Segment } from '../src/domain/report-request.js';
import { ExtractiveAnalyst } from '../src/extractive/extractive-analyst.js';
import { ReportPipeline } from '../src/pipeline/report-pipeline.js';
import { MEETING_DAY } from './support/planning-meetings.js';
import {
  FIELD_PARTICIPANTS,
  FIELD_RECORDING,
  SPOKEN_PLANNING,
  SPOKEN_PLANNING_EXPECTED,
  SPOKEN_PLANNING_PARTICIPANTS,
  SPOKEN_RUSSIAN,
  SPOKEN_RUSSIAN_EXPECTED,
  SPOKEN_RUSSIAN_PARTICIPANTS,
} from './support/spoken-meetings.js';

const pipeline = new ReportPipeline(new ExtractiveAnalyst(), { mapConcurrency: 1 });

async function generate(
  segments: Segment[],
  language: ReportLanguage,
  participants: readonly Participant[] = [],
): Promise<ReportResult> {
  const report = await pipeline.generate(
    {
      segments,
      request: {
        template: 'SUMMARY',
        instructions: null,
        language,
        referenceDate: MEETING_DAY,
        participants,
      },
    },
    { signal: new AbortController().signal },
  );
  return reportResultSchema.parse(report);
}

const tasks = (report: ReportResult) =>
  report.actionItems.map(({ text, owner, dueDate, segments }) => ({ text, owner, dueDate, segments }));
const decisions = (report: ReportResult) =>
  report.decisions.map(({ text, segments }) => ({ text, segments }));
const sentencesOf = (text: string) => text.split(/(?<=[.?!])\s+/);

describe('the offline report on unpunctuated lowercase speech (PocketSphinx output)', () => {
  it('finds the field recording’s tasks with owners from the participants and ISO due dates, and cuts the decision to its clause', async () => {
    const report = await generate(FIELD_RECORDING, 'en', FIELD_PARTICIPANTS);
    assert.deepEqual(tasks(report), [
      { text: 'Alice will ride the release notes.', owner: 'Alice', dueDate: null, segments: [0] },
      {
        text: 'Bob will update the pricing table tomorrow.',
        owner: 'Bob',
        dueDate: '2026-03-10',
        segments: [1],
      },
      {
        text: 'Let us meet again next Monday to review the launch.',
        owner: null,
        dueDate: '2026-03-16',
        segments: [1],
      },
    ]);
    assert.deepEqual(decisions(report), [
      { text: 'We decided to shape the new billing page on Friday.', segments: [0] },
    ]);
    assert.match(
      report.markdown,
      /- \[ \] Bob will update the pricing table tomorrow\. — \*\*Bob\*\*, due 2026-03-10 _\(00:08 #1\)_/,
    );
  });

  it('summarises a short meeting in a few ranked clauses, each a capitalised sentence with a full stop', async () => {
    const report = await generate(FIELD_RECORDING, 'en', FIELD_PARTICIPANTS);
    const whole = FIELD_RECORDING.map((segment) => segment.text).join(' ');
    const summary = sentencesOf(report.summary.text);
    assert.ok(summary.length >= 1 && summary.length <= 3, report.summary.text);
    assert.ok(report.summary.text.length < whole.length * 0.7, report.summary.text);
    for (const sentence of summary) assert.match(sentence, /^\p{Lu}.*[.?!]$/u, report.summary.text);
    for (const point of [...report.keyPoints, ...report.decisions, ...report.actionItems])
      assert.match(point.text, /^\p{Lu}.*[.?!]$/u);
  });

  it('still names Alice and Bob when the job knows no participants', async () => {
    const report = await generate(FIELD_RECORDING, 'en');
    assert.deepEqual(
      report.actionItems.map((item) => [item.owner, item.segments[0]]),
      [
        ['Alice', 0],
        ['Bob', 1],
        [null, 1],
      ],
    );
  });

  it('finds a planning meeting’s decisions and tasks: named owners, "can you", "I will" by a named speaker, a deadline after a pause, a follow-up meeting', async () => {
    const report = await generate(SPOKEN_PLANNING, 'en', SPOKEN_PLANNING_PARTICIPANTS);
    assert.deepEqual(decisions(report), SPOKEN_PLANNING_EXPECTED.decisions);
    assert.deepEqual(tasks(report), SPOKEN_PLANNING_EXPECTED.actionItems);
  });

  it('finds the Russian meeting’s decisions and tasks, matching Cyrillic names to Latin e-mail addresses', async () => {
    const report = await generate(SPOKEN_RUSSIAN, 'ru', SPOKEN_RUSSIAN_PARTICIPANTS);
    assert.deepEqual(decisions(report), SPOKEN_RUSSIAN_EXPECTED.decisions);
    assert.deepEqual(tasks(report), SPOKEN_RUSSIAN_EXPECTED.actionItems);
    assert.match(
      report.markdown,
      /- \[ \] Борис отправит клиентам обновлённый план до пятницы\. — \*\*Борис\*\*/,
    );
  });
});
