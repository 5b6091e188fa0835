import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, type AIMessage, type BaseMessage } from '@langchain/core/messages';
import { OutputParserException, StructuredOutputParser } from '@langchain/core/output_parsers';
import type { Logger } from '@mymeet/core';
import { toJSONSchema, type z } from 'zod';
import { ReportError } from '../domain/report-error.js';
import { withBackoff, type RetryPolicy } from './backoff.js';

export interface StructuredCallOptions {
  timeoutMs: number;
  retry: RetryPolicy;
  logger: Logger;
}

/**
 * One model call whose answer must match a zod schema. Each request is bounded by a timeout and
 * retried with backoff on transient failures (timeouts, 429, 5xx, lost connections). An answer the
 * schema refuses is sent back once with the parser's error; a second bad answer fails the run with
 * a reason (another attempt would only cost more tokens).
 */
export class StructuredModelCall {
  constructor(
    private readonly model: BaseChatModel,
    private readonly options: StructuredCallOptions,
  ) {}

  /** The schema's format instructions, to put in the prompt. */
  formatInstructions(schema: z.ZodType): string {
    // Shorter than the parser's own text (which doubles braces for templates; here it is a value).
    const jsonSchema = JSON.stringify(toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));
    return `Answer with one JSON object that matches this JSON Schema, in a \`\`\`json code block:\n\`\`\`json\n${jsonSchema}\n\`\`\``;
  }

  async call<S extends z.ZodType>(
    messages: BaseMessage[],
    schema: S,
    signal: AbortSignal,
  ): Promise<z.output<S>> {
    const parser = StructuredOutputParser.fromZodSchema(schema as never);
    const answer = await this.invoke(messages, signal);
    try {
      return (await parser.parse(answer.text)) as z.output<S>;
    } catch (error) {
      if (!(error instanceof OutputParserException)) throw error;
      this.options.logger.warn(
        { err: error },
        'model answer did not match the schema; asking again with the error',
      );
      const again = await this.invoke(
        [
          ...messages,
          answer,
          new HumanMessage(
            `Your answer could not be used: ${shorten(error.message, 1_500)}\n` +
              'Answer again with only the JSON object, exactly in the requested format.',
          ),
        ],
        signal,
      );
      try {
        return (await parser.parse(again.text)) as z.output<S>;
      } catch (second) {
        throw new ReportError(
          'LLM_MALFORMED_OUTPUT',
          `The language model's answer did not follow the report format, even after being shown the error: ${shorten(
            second instanceof Error ? second.message : String(second),
            300,
          )}`,
          {},
          second,
        );
      }
    }
  }

  private async invoke(messages: BaseMessage[], signal: AbortSignal): Promise<AIMessage> {
    const { timeoutMs, retry, logger } = this.options;
    let attempts = 0;
    try {
      return await withBackoff(
        async () => {
          attempts++;
          const timeout = AbortSignal.timeout(timeoutMs);
          try {
            return (await this.model.invoke(messages, {
              signal: AbortSignal.any([signal, timeout]),
            })) as AIMessage;
          } catch (error) {
            throw classify(error, { timedOut: timeout.aborted, aborted: signal.aborted, timeoutMs });
          }
        },
        retry,
        {
          signal,
          isTransient: (error) => error instanceof ReportError && error.retryable && error.code !== 'ABORTED',
          onRetry: (error, delayMs) => logger.warn({ err: error, delayMs }, 'model call failed; retrying'),
        },
      );
    } catch (error) {
      if (error instanceof ReportError && attempts > 1) {
        throw new ReportError(
          error.code,
          `${error.message} (${attempts} attempts)`,
          error.details,
          error.cause,
        );
      }
      throw error;
    }
  }
}

/** Maps what the SDKs throw to the worker's codes: transient ones are retried, the rest fail the run. */
function classify(
  error: unknown,
  state: { timedOut: boolean; aborted: boolean; timeoutMs: number },
): unknown {
  if (state.aborted)
    return new ReportError('ABORTED', 'The report run was stopped (job timeout or shutdown).', {}, error);
  if (state.timedOut) {
    return new ReportError(
      'LLM_TIMEOUT',
      `The language model did not answer within ${state.timeoutMs / 1000} s`,
      {},
      error,
    );
  }
  const status = statusOf(error);
  if (status === 429 || (status !== undefined && status >= 500)) {
    return new ReportError(
      'LLM_UNAVAILABLE',
      `The language model endpoint answered HTTP ${status}`,
      {},
      error,
    );
  }
  if (status !== undefined) {
    return new ReportError(
      'LLM_REFUSED',
      `The language model endpoint refused the request (HTTP ${status}): ${shorten(messageOf(error), 200)}`,
      {},
      error,
    );
  }
  if (isConnectionError(error)) {
    return new ReportError(
      'LLM_UNAVAILABLE',
      `The language model endpoint could not be reached: ${shorten(messageOf(error), 200)}`,
      {},
      error,
    );
  }
  return error;
}

function statusOf(error: unknown): number | undefined {
  const candidate = error as { status?: unknown; status_code?: unknown; response?: { status?: unknown } };
  const status = candidate?.status ?? candidate?.status_code ?? candidate?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

function isConnectionError(error: unknown): boolean {
  const text = `${(error as Error)?.name ?? ''} ${messageOf(error)} ${String((error as { cause?: { code?: string } })?.cause?.code ?? '')}`;
  return /connection|fetch failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|socket|network/i.test(text);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
