import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createEvent, REPORT_LIMITS as L } from '@mymeet/contracts';

/** NATS's default max_payload: a report.generated event larger than this could not be published. */
const NATS_MAX_PAYLOAD = 1024 * 1024;

describe('the report.generated event', () => {
  it('stays under NATS’s message limit with every field at its bound in 3-byte characters', () => {
    const text = (chars: number) => '会'.repeat(chars);
    const cites = (count: number = L.citations) => Array.from({ length: count }, (_, i) => 99_999 - i);
    const cited = (count: number, chars: number) =>
      Array.from({ length: count }, () => ({ text: text(chars), segments: cites() }));
    const event = createEvent('report.generated', randomUUID(), {
      reportId: randomUUID(),
      model: 'openai:some-model',
      language: 'en',
      result: {
        summary: { text: text(L.summaryChars), segments: cites(L.summaryCitations) },
        keyPoints: cited(L.keyPoints, L.itemChars),
        decisions: cited(L.decisions, L.itemChars),
        actionItems: Array.from({ length: L.actionItems }, () => ({
          text: text(L.itemChars),
          owner: text(L.nameChars),
          dueDate: text(L.dueDateChars),
          dueDateText: text(L.dueDateChars),
          segments: cites(),
        })),
        topics: cited(L.topics, L.topicChars),
        attendees: Array.from({ length: L.attendees }, () => text(L.nameChars)),
        agenda: Array.from({ length: L.agenda }, () => text(L.agendaChars)),
        markdown: text(L.markdownChars),
      },
    });
    const bytes = Buffer.byteLength(JSON.stringify(event));
    assert.ok(bytes < NATS_MAX_PAYLOAD, `${bytes} bytes`);
  });
});
