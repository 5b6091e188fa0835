import assert from 'node:assert/strict';
import { reportResultSchema } from '@mymeet/contracts';
import { createLogger } from '@mymeet/core';
import { ReportError } from '../src/domain/report-error.js';
import type { Segment } from '../src/domain/report-request.js';
import { createChatModel } from '../src/llm/chat-model.factory.js';
import { LlmAnalyst } from '../src/llm/llm-analyst.js';
import { StructuredModelCall } from '../src/llm/structured-call.js';
import { ReportPipeline } from '../src/pipeline/report-pipeline.js';
import {
  startOpenAiCompatibleServer,
  type ChatAnswer,
  type ChatRequest,
  type OpenAiCompatibleServer,
} from './support/openai-compatible-server.js';
import { ENGLISH_PLANNING, MEETING_DAY } from './support/planning-meetings.js';

const logger = createLogger('llm-test', 'silent');
const CONTEXT = { contextTokens: 4_096, maxOutputTokens: 1_024 };

/** The planning meeting said eight times over: 128 segments, several chunks at a 4k context. */
const LONG_MEETING: Segment[] = Array.from({ length: 8 }, (_, round) =>
  ENGLISH_PLANNING.map((segment) => ({
    ...segment,
    index: round * ENGLISH_PLANNING.length + segment.index,
    startMs: (round * ENGLISH_PLANNING.length + segment.index) * 20_000,
    endMs: (round * ENGLISH_PLANNING.length + segment.index) * 20_000 + 18_000,
  })),
).flat();

const indexesIn = (text: string) => [...text.matchAll(/\[#(\d+) /g)].map((match) => Number(match[1]));
const notesIn = (prompt: string) =>
  JSON.parse(/Notes:\n(\[.*\])\n/s.exec(prompt)![1]!) as Array<Record<string, any>>;
const json = (value: unknown) => ({ content: `\`\`\`json\n${JSON.stringify(value)}\n\`\`\`` });

/** What a capable model would answer to each of the pipeline's prompts. */
function modelAnswers(request: ChatRequest): ChatAnswer {
  // A request that sends an answer back with its error repeats the original prompt first.
  const prompt = request.messages.find((message) => message.role === 'user')!.content;
  if (prompt.includes('Take notes on this part')) {
    const lines = prompt.split('\n').filter((line) => line.startsWith('[#'));
    const cite = (pattern: RegExp) =>
      lines.filter((line) => pattern.test(line)).map((line) => indexesIn(line)[0]!);
    return json({
      // Long notes, so that combining them needs a collapse round.
      summary: `This part covered the release plan and the budget. ${'The team weighed options at length. '.repeat(30)}`,
      keyPoints: [{ text: 'Exports are slow on large projects', segments: [...cite(/slow exports/), 9_999] }],
      decisions: cite(/we decided/).map((index) => ({
        text: 'Move the release to April 14',
        segments: [index],
      })),
      actionItems: cite(/Bob will send/).map((index) => ({
        text: 'Send the updated release plan to the customers',
        owner: 'Bob',
        due: 'by Friday',
        segments: [index],
      })),
      topics: cite(/release date/).length ? [{ text: 'release date', segments: cite(/release date/) }] : [],
    });
  }
  const notes = notesIn(prompt);
  const merged = {
    keyPoints: notes.flatMap((note) => note.keyPoints),
    decisions: notes.flatMap((note) => note.decisions),
    actionItems: notes.flatMap((note) => note.actionItems),
    topics: notes.flatMap((note) => note.topics).slice(0, 3),
  };
  if (prompt.includes('Merge them into one set of notes'))
    return json({ summary: 'Release and budget.', ...merged });
  return json({
    summary: 'The team moved the release to April 14 and put the marketing budget into webinars.',
    summarySegments: merged.decisions.flatMap((decision: { segments: number[] }) => decision.segments),
    ...merged,
    attendees: ['Alice', 'Bob', 'Carol', 'Dave'],
    agenda: ['Release date', 'Marketing budget'],
  });
}

describe('the report pipeline with a chat model over the OpenAI protocol', function () {
  this.timeout(20_000);
  let server: OpenAiCompatibleServer;

  async function pipelineFor(answer: (request: ChatRequest, index: number) => ChatAnswer, overrides = {}) {
    server = await startOpenAiCompatibleServer(answer);
    const llm = {
      provider: 'openai' as const,
      baseUrl: server.baseUrl,
      apiKey: 'test-key',
      model: 'test-model',
      timeoutMs: 5_000,
      maxRetries: 2,
      retryBaseMs: 10,
      concurrency: 2,
      temperature: 0,
      ...CONTEXT,
      ...overrides,
    };
    const caller = new StructuredModelCall(await createChatModel(llm), {
      timeoutMs: llm.timeoutMs,
      retry: { retries: llm.maxRetries, baseMs: llm.retryBaseMs },
      logger,
    });
    const analyst = new LlmAnalyst(caller, { model: llm.model, ...CONTEXT });
    return { analyst, pipeline: new ReportPipeline(analyst, { mapConcurrency: llm.concurrency }) };
  }

  const run = (pipeline: ReportPipeline, segments: Segment[] = ENGLISH_PLANNING) =>
    pipeline.generate(
      {
        segments,
        request: {
          template: 'SUMMARY',
          instructions: 'Name every owner',
          language: 'en',
          referenceDate: MEETING_DAY,
        },
      },
      { signal: new AbortController().signal },
    );

  async function failure(promise: Promise<unknown>): Promise<ReportError> {
    const error = await promise.then(
      () => assert.fail('expected the run to fail'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof ReportError, String(error));
    return error;
  }

  afterEach(() => server.close());

  it('maps every chunk of a long transcript, collapses the notes, and parses the answer into the report schema', async () => {
    const { analyst, pipeline } = await pipelineFor(modelAnswers);
    const report = await run(pipeline, LONG_MEETING);

    const maps = server.requests.filter((r) => r.prompt.includes('Take notes on this part'));
    const collapses = server.requests.filter((r) => r.prompt.includes('Merge them into one set of notes'));
    assert.ok(maps.length >= 3, `${maps.length} chunks`);
    assert.ok(collapses.length >= 1, 'the notes did not fit one prompt, so they were merged first');
    assert.deepEqual(
      maps.flatMap((r) => indexesIn(r.messages.at(-1)!.content)).sort((a, b) => a - b),
      LONG_MEETING.map((segment) => segment.index),
      'each segment travels in exactly one chunk',
    );
    for (const request of server.requests) {
      assert.ok(request.prompt.length <= analyst.promptChars, `a ${request.prompt.length}-char prompt`);
      assert.equal(request.model, 'test-model');
      assert.match(request.prompt, /The user asks: Name every owner/);
    }

    reportResultSchema.parse(report);
    assert.equal(report.actionItems.length, 1, 'the task said in every round is one task');
    assert.deepEqual(
      {
        owner: report.actionItems[0]!.owner,
        dueDate: report.actionItems[0]!.dueDate,
        text: report.actionItems[0]!.dueDateText,
      },
      { owner: 'Bob', dueDate: '2026-03-13', text: 'by Friday' },
    );
    assert.deepEqual(report.actionItems[0]!.segments, [11, 27, 43, 59, 75, 91, 107, 123]);
    assert.ok(
      report.keyPoints.every((point) => !point.segments.includes(9_999)),
      'citations of lines that do not exist are dropped',
    );
    assert.match(
      report.markdown,
      /- \[ \] Send the updated release plan to the customers — \*\*Bob\*\*, due 2026-03-13 _\(03:40 #11, 09:00 #27, 14:20 #43, …\)_/,
    );
  });

  it('sends a malformed answer back once with the parser’s error, and uses the corrected one', async () => {
    const { pipeline } = await pipelineFor((request, index) =>
      index === 0 ? { content: 'Sure! Here are the notes: {"summary": 42' } : modelAnswers(request),
    );
    const report = await run(pipeline);
    assert.equal(server.requests.length, 3, 'map, map again, combine');
    assert.match(
      server.requests[1]!.messages.at(-1)!.content,
      /^Your answer could not be used: Failed to parse/,
    );
    assert.equal(server.requests[1]!.messages.at(-2)!.content, 'Sure! Here are the notes: {"summary": 42');
    assert.equal(report.decisions[0]!.text, 'Move the release to April 14');
  });

  it('fails with a reason when the second answer is malformed too, without asking a third time', async () => {
    const { pipeline } = await pipelineFor(() =>
      json({ summary: 'ok', actionItems: [{ text: 'x', segments: [] }] }),
    );
    const error = await failure(run(pipeline));
    assert.equal(error.code, 'LLM_MALFORMED_OUTPUT');
    assert.equal(error.retryable, false);
    assert.match(error.message, /did not follow the report format, even after being shown the error/);
    assert.equal(server.requests.length, 2);
  });

  it('times out a slow endpoint, retries with backoff, then fails with a reason', async () => {
    const { pipeline } = await pipelineFor(() => ({ ...json({ summary: 'late' }), delayMs: 10_000 }), {
      timeoutMs: 300,
      maxRetries: 1,
    });
    const error = await failure(run(pipeline));
    assert.equal(error.code, 'LLM_TIMEOUT');
    assert.equal(error.message, 'The language model did not answer within 0.3 s (2 attempts)');
    assert.equal(server.requests.length, 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(server.abandoned, 2, 'the client hung up on both requests');
  });

  it('retries a 503 and gives up at once on a 401', async () => {
    const flaky = await pipelineFor((request, index) =>
      index === 0 ? { status: 503, error: 'overloaded' } : modelAnswers(request),
    );
    await run(flaky.pipeline);
    assert.equal(server.requests.length, 3, '503, then map and combine');
    await server.close();

    const refused = await pipelineFor(() => ({ status: 401, error: 'Incorrect API key provided' }));
    const error = await failure(run(refused.pipeline));
    assert.equal(error.code, 'LLM_REFUSED');
    assert.match(error.message, /HTTP 401/);
    assert.equal(server.requests.length, 1);
  });
});
