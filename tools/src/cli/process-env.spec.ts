import assert from 'node:assert/strict';
import type { Deployable } from '../deployables.js';
import { isSecretVariable, processEnv } from './process-env.js';

const deployable = (name: string, entry: string, portVariable: string): Deployable => ({
  name,
  entry,
  port: 1,
  portVariable,
});
const gateway = deployable('gateway', 'gateway/dist/src/main.js', 'GATEWAY_PORT');
const meetings = deployable('meetings', 'subgraphs/meetings/dist/src/main.js', 'MEETINGS_PORT');
const media = deployable('media', 'subgraphs/media/dist/src/main.js', 'MEDIA_PORT');
const reports = deployable('reports', 'subgraphs/reports/dist/src/main.js', 'REPORTS_PORT');
const asr = deployable('asr-worker', 'workers/asr/dist/src/main.js', 'ASR_WORKER_PORT');
const reportWorker = deployable('report-worker', 'workers/report/dist/src/main.js', 'REPORT_WORKER_PORT');

const platform = {
  PATH: '/usr/bin',
  LOG_LEVEL: 'info',
  NATS_URL: 'nats://127.0.0.1:4222',
  JWT_SECRET: 'jwt',
  INTERNAL_SECRET: 'internal',
  DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:54329/postgres',
  S3_ENDPOINT: 'http://127.0.0.1:4569',
  S3_ACCESS_KEY_ID: 'key',
  S3_SECRET_ACCESS_KEY: 'secret',
  SMTP_URL: 'smtp://mailer:hunter2@mail.example.com:587',
  GITHUB_TOKEN: 'ghp_x',
  ASR_WORKER_OPENAI_API_KEY: 'sk-x',
  ASR_API_KEY: 'sk-y',
  LLM_API_KEY: 'sk-llm',
};
const names = (d: Deployable) => Object.keys(processEnv(d, platform)).sort();

describe('the environment npm start gives each process', () => {
  it('recognises secrets by name and by a password in a URL', () => {
    for (const name of [
      'JWT_SECRET',
      'S3_SECRET_ACCESS_KEY',
      'S3_ACCESS_KEY_ID',
      'PGPASSWORD',
      'GITHUB_TOKEN',
      'MEDIA_DATABASE_URL',
    ])
      assert.equal(isSecretVariable(name, 'x'), true, name);
    assert.equal(isSecretVariable('SMTP_URL', 'smtp://u:p@host'), true);
    assert.equal(isSecretVariable('SMTP_URL', 'smtp://host:25'), false);
    assert.equal(isSecretVariable('NATS_URL', 'nats://127.0.0.1:4222'), false);
    assert.equal(isSecretVariable('LOG_LEVEL', 'info'), false);
  });

  it('gives the gateway the token secrets, and no database or storage credentials', () => {
    assert.deepEqual(names(gateway), [
      'INTERNAL_SECRET',
      'JWT_SECRET',
      'LOG_LEVEL',
      'NATS_URL',
      'PATH',
      'S3_ENDPOINT',
    ]);
  });

  it('gives subgraphs the identity secret and the database, media also the storage keys', () => {
    assert.deepEqual(names(meetings), [
      'DATABASE_URL',
      'INTERNAL_SECRET',
      'LOG_LEVEL',
      'NATS_URL',
      'PATH',
      'S3_ENDPOINT',
    ]);
    assert.deepEqual(names(media), [
      'DATABASE_URL',
      'INTERNAL_SECRET',
      'LOG_LEVEL',
      'NATS_URL',
      'PATH',
      'S3_ACCESS_KEY_ID',
      'S3_ENDPOINT',
      'S3_SECRET_ACCESS_KEY',
    ]);
    assert.ok(names(reports).includes('SMTP_URL'));
    assert.ok(!names(media).includes('SMTP_URL'));
  });

  it('gives workers the storage keys and their own prefixed secrets, never the token or database secrets', () => {
    assert.deepEqual(names(asr), [
      'ASR_API_KEY',
      'ASR_WORKER_OPENAI_API_KEY',
      'LOG_LEVEL',
      'NATS_URL',
      'PATH',
      'S3_ACCESS_KEY_ID',
      'S3_ENDPOINT',
      'S3_SECRET_ACCESS_KEY',
    ]);
    assert.ok(!names(media).includes('ASR_WORKER_OPENAI_API_KEY'));
    assert.ok(!names(media).includes('ASR_API_KEY'));
  });

  it('gives the report worker its chat model key, and no one else', () => {
    assert.ok(names(reportWorker).includes('LLM_API_KEY'));
    assert.ok(!names(reportWorker).includes('DATABASE_URL'));
    assert.ok(!names(asr).includes('LLM_API_KEY') && !names(reports).includes('LLM_API_KEY'));
  });
});
