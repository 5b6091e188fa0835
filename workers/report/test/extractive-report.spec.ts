import assert from 'node:assert/strict';
import { reportResultSchema, type ReportResult } from '@mymeet/contracts';
import type { ReportRequest, Segment } from '../src/domain/report-request.js';
import { ExtractiveAnalyst } from '../src/extractive/extractive-analyst.js';
import { ReportPipeline } from '../src/pipeline/report-pipeline.js';
import {
  ENGLISH_EXPECTED,
  ENGLISH_PLANNING,
  MEETING_DAY,
  RUSSIAN_EXPECTED,
  RUSSIAN_PLANNING,
} from './support/planning-meetings.js';

const pipeline = new ReportPipeline(new ExtractiveAnalyst(), { mapConcurrency: 1 });

function generate(segments: Segment[], request: Partial<ReportRequest> & Pick<ReportRequest, 'language'>) {
  return pipeline.generate(
    {
      segments,
      request: { template: 'SUMMARY', instructions: null, referenceDate: MEETING_DAY, ...request },
    },
    { signal: new AbortController().signal },
  );
}

function assertPlanningReport(report: ReportResult, expected: typeof ENGLISH_EXPECTED): void {
  reportResultSchema.parse(report);
  assert.deepEqual(
    report.decisions.map((decision) => decision.segments),
    expected.decisions.map((segment) => [segment]),
    `decisions: ${JSON.stringify(report.decisions)}`,
  );
  assert.deepEqual(
    report.actionItems.map((item) => ({
      segment: item.segments[0],
      owner: item.owner,
      dueDate: item.dueDate,
    })),
    expected.actionItems,
    `action items: ${JSON.stringify(report.actionItems)}`,
  );
  for (const point of [...report.keyPoints, ...report.topics, report.summary]) {
    assert.ok(point.segments.length > 0 && point.segments.every((index) => index >= 0 && index < 16));
  }
}

describe('the offline extractive report', () => {
  it('finds the English meeting’s decisions and action items with owners, ISO due dates and their segments', async () => {
    const report = await generate(ENGLISH_PLANNING, { language: 'en' });
    assertPlanningReport(report, ENGLISH_EXPECTED);
    assert.match(
      report.markdown,
      /## Action items\n\n- \[ \] Bob will send .* — \*\*Bob\*\*, due 2026-03-13 _\(03:40 #11\)_/,
    );
    assert.ok(
      report.topics.some((topic) => /webinar|marketing budget|release/i.test(topic.text)),
      JSON.stringify(report.topics),
    );
  });

  it('finds the Russian meeting’s decisions and tasks the same way', async () => {
    const report = await generate(RUSSIAN_PLANNING, { language: 'ru' });
    assertPlanningReport(report, RUSSIAN_EXPECTED);
    assert.match(report.markdown, /^# Итоги встречи/);
    assert.match(report.markdown, /## Решения/);
  });

  it('writes formal minutes for PROTOCOL: attendees by talk time, agenda, decisions and a task table', async () => {
    const report = await generate(ENGLISH_PLANNING, { language: 'en', template: 'PROTOCOL' });
    assert.deepEqual(report.attendees.slice(0, 4), ['Alice', 'Bob', 'Carol', 'Dave']);
    assert.ok(report.agenda.length > 0);
    assert.match(report.markdown, /^# Meeting minutes\n\n\*\*Date:\*\* 2026-03-09/);
    assert.match(
      report.markdown,
      /\| 3 \| Dave, can you review .* \| Dave \| 2026-03-11 \| _\(04:20 #13\)_ \|/,
    );
  });

  it('leads with the tasks for ACTION_ITEMS and keeps the summary short', async () => {
    const report = await generate(ENGLISH_PLANNING, { language: 'en', template: 'ACTION_ITEMS' });
    assert.match(report.markdown, /^# Action items\n\n- \[ \] Bob will send/);
    assert.ok(report.summary.segments.length <= 2);
  });

  it('favours the sentences the instructions ask about', async () => {
    const plain = await generate(ENGLISH_PLANNING, { language: 'en' });
    const focused = await generate(ENGLISH_PLANNING, {
      language: 'en',
      instructions: 'Focus on the webinars and paid ads',
    });
    const mentions = (report: ReportResult) => (report.summary.text.match(/webinar|paid ads/gi) ?? []).length;
    assert.ok(mentions(focused) > mentions(plain), `${plain.summary.text}\n---\n${focused.summary.text}`);
    assert.match(focused.markdown, /Prepared with the instructions: Focus on the webinars/);
  });
});
