import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { initChatModel } from 'langchain';
import type { LlmConfig } from '../config.js';

/**
 * The chat model behind config, through LangChain's universal initialiser: any OpenAI-compatible
 * endpoint (OpenAI, vLLM, llama.cpp's server, LM Studio…) or Ollama. LangChain's own retries are
 * off: the worker retries with its own backoff and timeout per call (StructuredModelCall).
 */
export async function createChatModel(config: LlmConfig): Promise<BaseChatModel> {
  if (config.provider === 'ollama') {
    return initChatModel(config.model, {
      modelProvider: 'ollama',
      baseUrl: config.baseUrl,
      temperature: config.temperature,
      numPredict: config.maxOutputTokens,
      numCtx: config.contextTokens,
      format: 'json',
      maxRetries: 0,
    });
  }
  return initChatModel(config.model, {
    modelProvider: 'openai',
    // Local OpenAI-compatible servers often need no key; the SDK insists on one.
    apiKey: config.apiKey ?? 'not-needed',
    configuration: { baseURL: config.baseUrl },
    temperature: config.temperature,
    maxTokens: config.maxOutputTokens,
    timeout: config.timeoutMs,
    maxRetries: 0,
    useResponsesApi: false,
  });
}
