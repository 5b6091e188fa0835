import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createJob, jobSubject } from '@mymeet/contracts';
import type { Messaging } from '@mymeet/messaging';
import { freePort } from '@mymeet/testing';
import { waitFor } from '../../wait-for.js';

export interface TranscriptionRun {
  wallSeconds: number;
  /** CPU the worker and its decoders spent on the job: a speed figure other load on the machine does not skew. */
  cpuSeconds: number;
  hypothesis: string;
  failed?: string;
}

/** The ASR worker as its own process, fed jobs over JetStream, with its memory (and its decoders') watched. */
export class WorkerUnderTest {
  private peakRssBytes = 0;
  private readonly sampler: NodeJS.Timeout;

  private constructor(
    private readonly child: ChildProcess,
    private readonly messaging: Messaging,
  ) {
    this.sampler = setInterval(() => {
      this.peakRssBytes = Math.max(this.peakRssBytes, treeRssBytes(child.pid!));
    }, 100);
  }

  static async start(
    root: string,
    env: Record<string, string>,
    messaging: Messaging,
  ): Promise<WorkerUnderTest> {
    const port = await freePort();
    const child = spawn(process.execPath, [resolve(root, 'workers/asr/dist/src/main.js')], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env, ASR_WORKER_PORT: String(port) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    await waitFor('asr worker', async () => (await fetch(`http://127.0.0.1:${port}/ready`)).ok, 30_000);
    return new WorkerUnderTest(child, messaging);
  }

  /** Peak resident memory of the worker and its decoder processes together. */
  get peakMemoryMiB(): number {
    return this.peakRssBytes / 2 ** 20;
  }

  async transcribe(objectKey: string): Promise<TranscriptionRun> {
    const meetingId = randomUUID();
    const segments = new Map<number, string>();
    const started = performance.now();
    const cpuBefore = cpuSecondsOf(this.child.pid!);
    const finished = new Promise<string | undefined>((done) => {
      const subscription = this.messaging.nc.subscribe(`events.meeting.${meetingId}.>`, {
        callback: (_error, msg) => {
          const event = msg.json<{
            kind: string;
            payload: { index?: number; text?: string; reason?: string };
          }>();
          if (event.kind === 'transcript.segment') segments.set(event.payload.index!, event.payload.text!);
          if (event.kind === 'transcript.completed' || event.kind === 'transcript.failed') {
            subscription.unsubscribe();
            done(event.payload.reason);
          }
        },
      });
    });
    const job = createJob('asr', {
      transcriptId: randomUUID(),
      meetingId,
      mediaId: randomUUID(),
      objectKey,
      language: 'en',
    });
    await this.messaging.js.publish(jobSubject('asr'), JSON.stringify(job), { msgID: job.id });
    const failed = await finished;
    // Decoders count once they have exited and been waited for; give the last one a moment.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return {
      wallSeconds: (performance.now() - started) / 1000,
      cpuSeconds: cpuSecondsOf(this.child.pid!) - cpuBefore,
      hypothesis: [...segments.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([, text]) => text)
        .join(' '),
      failed,
    };
  }

  async stop(): Promise<void> {
    clearInterval(this.sampler);
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await exited;
  }
}

/** User and system time of a process and of its children that have ended (Linux /proc, 100 ticks a second). */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) / 100;
  } catch {
    return Number.NaN;
  }
}

function treeRssBytes(rootPid: number): number {
  let table: string;
  try {
    table = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=']).toString();
  } catch {
    return 0;
  }
  const rows = table
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
  const inTree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of rows)
      if (inTree.has(ppid) && !inTree.has(pid)) grew = inTree.add(pid) !== undefined;
  }
  return rows.filter(([pid]) => inTree.has(pid)).reduce((sum, [, , rss]) => sum + rss * 1024, 0);
}

/** PUT without a signature: the bench's own local S3 server checks none. */
export async function putObject(endpoint: string, bucket: string, key: string, path: string): Promise<void> {
  const response = await fetch(`${endpoint}/${bucket}/${key}`, { method: 'PUT', body: readFileSync(path) });
  if (!response.ok) throw new Error(`upload of ${key} failed: ${response.status}`);
}
