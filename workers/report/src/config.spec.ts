import assert from 'node:assert/strict';
import { ConfigError } from '@mymeet/core';
import { loadReportWorkerConfig } from './config.js';

describe('report worker config', () => {
  it('defaults to the offline extractive engine on port 4102', () => {
    const config = loadReportWorkerConfig({});
    assert.equal(config.engine, 'extractive');
    assert.equal(config.port, 4102);
  });

  it('refuses an LLM engine without its endpoint and model, naming every bad variable', () => {
    assert.throws(
      () => loadReportWorkerConfig({ REPORT_ENGINE: 'openai' }),
      (error: unknown) =>
        error instanceof ConfigError && /LLM_MODEL/.test(error.message) && /LLM_BASE_URL/.test(error.message),
    );
    const ollama = loadReportWorkerConfig({ REPORT_ENGINE: 'ollama', LLM_MODEL: 'llama3.1:8b' });
    assert.deepEqual([ollama.llm.provider, ollama.llm.baseUrl], ['ollama', 'http://127.0.0.1:11434']);
  });
});
