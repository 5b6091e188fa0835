import { reportResultSchema, type ReportResult } from '@mymeet/contracts';

const ACTIONS = {
  plan: {
    text: 'Bob will send the updated release plan to the customers by Friday.',
    owner: 'Bob',
    dueDate: '2026-03-13',
    dueDateText: 'by Friday',
    segments: [11],
  },
  webinars: {
    text: "I'll prepare the webinar schedule by March 20.",
    owner: 'Carol',
    dueDate: '2026-03-20',
    dueDateText: 'by March 20',
    segments: [12],
  },
  profiling: {
    text: 'Dave, can you review the export profiling results by Wednesday?',
    owner: 'Dave',
    dueDate: '2026-03-11',
    dueDateText: 'by Wednesday',
    segments: [13],
  },
  laptops: {
    text: 'Order new laptops for the support team.',
    owner: 'Alice',
    dueDate: null,
    dueDateText: null,
    segments: [14],
  },
};

/** What the worker publishes for the planning meeting; `regenerated` words it as a second run would. */
export function planningResult(variant: 'first' | 'regenerated' = 'first'): ReportResult {
  const actionItems =
    variant === 'first'
      ? [ACTIONS.plan, ACTIONS.webinars, ACTIONS.profiling]
      : [
          { ...ACTIONS.plan, text: 'Bob sends the updated release plan to the customers (by Friday).' },
          ACTIONS.profiling,
          ACTIONS.laptops,
        ];
  return reportResultSchema.parse({
    summary: {
      text: 'The release moves to April 14; the marketing budget goes to webinars.',
      segments: [6, 9],
    },
    keyPoints: [{ text: 'Exports are slow on large projects.', segments: [2] }],
    decisions: [
      { text: 'We decided to move the release to April 14.', segments: [6] },
      { text: 'We agreed that the marketing budget goes to the webinar series.', segments: [9] },
    ],
    actionItems,
    topics: [{ text: 'release date', segments: [1, 4] }],
    attendees: ['Alice', 'Bob', 'Carol', 'Dave'],
    agenda: ['release date'],
    markdown:
      '# Meeting summary\n\nThe release moves to April 14.\n\n## Action items\n\n- [ ] Bob will send the plan <b>now</b>\n',
  });
}
