import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { JsMsg } from 'nats';
import { STREAMS, createJob, jobSubject, type EventEnvelope, type JobPayload } from '@mymeet/contracts';
import { startLocalS3Server, type LocalS3Server } from '@mymeet/tools';
import { openMessaging, type Messaging } from '@mymeet/messaging';
import { freePort, repoRoot, testNatsUrl } from '@mymeet/testing';
import { ASR_DURABLE } from '../../src/jobs/asr-job.consumer.js';

const BUCKET = 'asr-test';

export interface RunningWorker {
  url: string;
  child: ChildProcess;
  output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Real NATS (the run's own), the local S3-compatible server, and the worker as its own process. */
export class AsrTestPlatform {
  private constructor(
    readonly messaging: Messaging,
    readonly s3Server: LocalS3Server,
    readonly s3: S3Client,
    readonly tempRoot: string,
  ) {}

  static async start(): Promise<AsrTestPlatform> {
    const messaging = await openMessaging(testNatsUrl(), 'asr-test');
    // A clean queue: jobs other test files left behind must not run before ours.
    await messaging.jsm.streams.purge(STREAMS.jobs.name, { filter: jobSubject('asr') });
    await messaging.jsm.consumers.delete(STREAMS.jobs.name, ASR_DURABLE).catch(() => false);
    const tempRoot = await mkdtemp(join(tmpdir(), 'asr-it-'));
    const s3Server = await startLocalS3Server({ directory: join(tempRoot, 's3') });
    const s3 = new S3Client({
      region: 'us-east-1',
      endpoint: s3Server.endpoint,
      forcePathStyle: true,
      credentials: s3Server.credentials,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    return new AsrTestPlatform(messaging, s3Server, s3, tempRoot);
  }

  async stop(): Promise<void> {
    await this.messaging.jsm.consumers.delete(STREAMS.jobs.name, ASR_DURABLE).catch(() => false);
    await this.messaging.close();
    this.s3.destroy();
    await this.s3Server.stop();
    await rm(this.tempRoot, { recursive: true, force: true });
  }

  async upload(
    path: string,
    key = `recordings/${randomUUID()}${path.slice(path.lastIndexOf('.'))}`,
  ): Promise<string> {
    await this.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: await readFile(path) }));
    return key;
  }

  async uploadBytes(bytes: Uint8Array, key = `recordings/${randomUUID()}.mp3`): Promise<string> {
    await this.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: bytes }));
    return key;
  }

  /** The job media queues after a validated upload. */
  async queueJob(objectKey: string, extra: Partial<JobPayload<'asr'>> = {}): Promise<JobPayload<'asr'>> {
    const payload = {
      transcriptId: randomUUID(),
      meetingId: randomUUID(),
      mediaId: randomUUID(),
      objectKey,
      language: 'en',
      ...extra,
    };
    const job = createJob('asr', payload);
    await this.messaging.js.publish(jobSubject('asr'), JSON.stringify(job), { msgID: job.id });
    return job.payload;
  }

  async startWorker(env: Record<string, string> = {}): Promise<RunningWorker> {
    const port = await freePort();
    const tempDir = join(this.tempRoot, 'work');
    await rm(tempDir, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(tempDir, { recursive: true }));
    const child = spawn(process.execPath, [resolve(repoRoot, 'workers/asr/dist/src/main.js')], {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        NATS_URL: testNatsUrl(),
        S3_ENDPOINT: this.s3Server.endpoint,
        S3_BUCKET: BUCKET,
        S3_ACCESS_KEY_ID: this.s3Server.credentials.accessKeyId,
        S3_SECRET_ACCESS_KEY: this.s3Server.credentials.secretAccessKey,
        ASR_WORKER_PORT: String(port),
        ASR_TEMP_DIR: tempDir,
        ASR_CONCURRENCY: '2',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`asr worker exited with ${child.exitCode}:\n${output}`);
      if (
        await fetch(`${url}/ready`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`asr worker not ready:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return {
      url,
      child,
      output: () => output,
      kill: async (signal = 'SIGTERM') => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((r) => child.once('exit', r));
        child.kill(signal);
        await exited;
      },
    };
  }

  /** Files the worker left in its temp folder (there should be none between jobs). */
  async leftoverTempFiles(): Promise<string[]> {
    return readdir(join(this.tempRoot, 'work')).catch(() => []);
  }

  /** Every event of a meeting on EVENTS so far, in stream order. */
  async events(meetingId: string): Promise<EventEnvelope[]> {
    return this.readAll(STREAMS.events.name, `events.meeting.${meetingId}.>`, (msg) =>
      msg.json<EventEnvelope>(),
    );
  }

  private async readAll<T>(stream: string, filter: string, read: (msg: JsMsg) => T): Promise<T[]> {
    const info = await this.messaging.jsm.streams.info(stream, { subjects_filter: filter });
    const count = Object.values(info.state.subjects ?? {}).reduce((sum, n) => sum + n, 0);
    if (count === 0) return [];
    const consumer = await this.messaging.js.consumers.get(stream, { filterSubjects: filter });
    const items: T[] = [];
    while (items.length < count) {
      const msg = await consumer.next({ expires: 5_000 });
      if (!msg) break;
      items.push(read(msg));
    }
    await consumer.delete().catch(() => false);
    return items;
  }

  /** Waits for `transcript.completed` or `transcript.failed` and returns every event of the meeting. */
  async untilFinished(meetingId: string, timeoutMs = 120_000): Promise<EventEnvelope[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const events = await this.events(meetingId);
      if (events.some((e) => e.kind === 'transcript.completed' || e.kind === 'transcript.failed'))
        return events;
      if (Date.now() > deadline)
        throw new Error(`no terminal event for ${meetingId}; got ${events.map((e) => e.kind).join(', ')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** Dead letters of asr jobs, with their reason header. */
  async deadLetters(): Promise<Array<{ reason: string; job: { payload: JobPayload<'asr'> } }>> {
    return this.readAll(STREAMS.deadLetters.name, `deadletter.${jobSubject('asr')}`, (msg) => ({
      reason: msg.headers?.get('MyMeet-Dead-Reason') ?? '',
      job: msg.json<{ payload: JobPayload<'asr'> }>(),
    }));
  }
}
