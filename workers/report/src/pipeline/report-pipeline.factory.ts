import type { Logger } from '@mymeet/core';
import type { ReportWorkerConfig } from '../config.js';
import { ExtractiveAnalyst } from '../extractive/extractive-analyst.js';
import { createChatModel } from '../llm/chat-model.factory.js';
import { LlmAnalyst } from '../llm/llm-analyst.js';
import { StructuredModelCall } from '../llm/structured-call.js';
import { ReportPipeline } from './report-pipeline.js';

/** The pipeline with the engine the config names: the offline extractive summariser, or a chat model. */
export async function buildReportPipeline(
  config: ReportWorkerConfig,
  logger: Logger,
): Promise<ReportPipeline> {
  if (config.engine === 'extractive')
    return new ReportPipeline(new ExtractiveAnalyst(), { mapConcurrency: 1 });
  const { llm } = config;
  const caller = new StructuredModelCall(await createChatModel(llm), {
    timeoutMs: llm.timeoutMs,
    retry: { retries: llm.maxRetries, baseMs: llm.retryBaseMs },
    logger,
  });
  const analyst = new LlmAnalyst(caller, {
    model: `${llm.provider}:${llm.model}`,
    contextTokens: llm.contextTokens,
    maxOutputTokens: llm.maxOutputTokens,
  });
  return new ReportPipeline(analyst, { mapConcurrency: llm.concurrency });
}
