import { ChatPromptTemplate } from '@langchain/core/prompts';
import type { ReportLanguage, ReportRequest } from '../domain/report-request.js';

const SYSTEM = `You write structured reports of meetings from their transcripts.
Every transcript line starts with [#index time speaker]. Every item you write must cite, in "segments", the indexes
of the lines it comes from, so a reader can jump to the moment. Use only what the transcript says: never invent
decisions, owners or dates. The owner of an action item is the person who takes it: a name said in the meeting, or
the speaker of the line when they commit themselves ("I will…"). "due" is the deadline as stated (e.g. "by Friday",
"March 20"), or null. Write in {language}. Answer with JSON only.`;

export const MAP_PROMPT = ChatPromptTemplate.fromMessages([
  ['system', SYSTEM],
  [
    'human',
    `This is part {part} of {parts} of the transcript of one meeting.
{guidance}
{instructions}
Take notes on this part: a short summary, the key points, every decision, every action item, and the topics.

Transcript:
{transcript}

{format}`,
  ],
]);

export const COLLAPSE_PROMPT = ChatPromptTemplate.fromMessages([
  ['system', SYSTEM],
  [
    'human',
    `These are notes on consecutive parts of one meeting, in order. Merge them into one set of notes: keep every
decision and action item with its segment indexes, merge repeated ones, shorten the summaries into one.
{instructions}

Notes:
{notes}

{format}`,
  ],
]);

export const COMBINE_PROMPT = ChatPromptTemplate.fromMessages([
  ['system', SYSTEM],
  [
    'human',
    `These are notes on consecutive parts of one meeting, in order. Write the final report from them.
{guidance}
{instructions}
Speakers, most talk time first: {speakers}
Keep every decision and action item with its segment indexes; merge repeated ones. "summarySegments" cites the
lines the summary draws on.

Notes:
{notes}

{format}`,
  ],
]);

const GUIDANCE = {
  SUMMARY:
    'Template SUMMARY: a summary of three to six sentences, key points, decisions, action items and topics.',
  PROTOCOL:
    'Template PROTOCOL (formal minutes): the attendees, the agenda items in the order discussed, the discussion in ' +
    'brief, every decision, and every task with its owner and due date.',
  ACTION_ITEMS:
    'Template ACTION_ITEMS: every task with its owner and due date matters most, then the decisions; the summary is ' +
    'at most two sentences.',
} as const;

const LANGUAGE_NAMES: Record<ReportLanguage, string> = { en: 'English', ru: 'Russian' };

/** The variables every prompt shares. */
export function promptBasics(request: ReportRequest, format: string) {
  return {
    language: LANGUAGE_NAMES[request.language],
    guidance: GUIDANCE[request.template],
    instructions: request.instructions ? `The user asks: ${request.instructions}` : '',
    format,
  };
}
