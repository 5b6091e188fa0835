import assert from 'node:assert/strict';
import { HumanMessage } from '@langchain/core/messages';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import { createLogger } from '@mymeet/core';
import { z } from 'zod';
import { ReportError } from '../domain/report-error.js';
import { StructuredModelCall } from './structured-call.js';

const schema = z.object({ summary: z.string().min(1), segments: z.array(z.number().int()).min(1) });
const options = {
  timeoutMs: 1_000,
  retry: { retries: 0, baseMs: 1 },
  logger: createLogger('test', 'silent'),
};
const ask = (responses: string[]) =>
  new StructuredModelCall(new FakeListChatModel({ responses }), options).call(
    [new HumanMessage('Summarise')],
    schema,
    new AbortController().signal,
  );

describe('StructuredModelCall (LangChain fake model)', () => {
  it('parses a fenced JSON answer against the schema', async () => {
    assert.deepEqual(await ask(['```json\n{"summary":"ok","segments":[1]}\n```']), {
      summary: 'ok',
      segments: [1],
    });
  });

  it('asks once more after a malformed answer and takes the corrected one', async () => {
    assert.deepEqual(await ask(['no json here', '{"summary":"fixed","segments":[2]}']), {
      summary: 'fixed',
      segments: [2],
    });
  });

  it('fails with LLM_MALFORMED_OUTPUT, not retryable, after two bad answers', async () => {
    const error = await ask([
      '{"summary":""}',
      '{"segments":[]}',
      '{"summary":"too late","segments":[1]}',
    ]).catch((e: unknown) => e);
    assert.ok(error instanceof ReportError);
    assert.equal(error.code, 'LLM_MALFORMED_OUTPUT');
    assert.equal(error.retryable, false);
  });
});
