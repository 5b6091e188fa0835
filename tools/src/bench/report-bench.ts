import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { connect, type NatsConnection } from 'nats';
import { createJob, jobSubject, type EventEnvelope, type TranscriptSegmentRecord } from '@mymeet/contracts';
import { answerSegmentRequests, freePort } from '@mymeet/testing';
import { ProcessSupervisor } from '../process-supervisor.js';
import { waitFor } from '../wait-for.js';

const NAMES = ['Alice', 'Boris', 'Chen', 'Dana', 'Emeka', 'Farah'];
const SUBJECTS = [
  'the release plan',
  'the billing migration',
  'the support backlog',
  'the hiring pipeline',
  'the marketing budget',
  'the data retention policy',
  'the onboarding flow',
  'the mobile app',
];
const FILLER = [
  'We looked at the numbers for {s} again this week and they are better than in the last quarter.',
  'The main risk with {s} is that the vendor has not confirmed the dates yet.',
  'Customers keep asking about {s}, mostly about how long it will take.',
  'I think we should keep {s} simple and ship the first part early.',
  'There was a long discussion about {s} and whether the team has enough people for it.',
  'The feedback on {s} from the pilot group was mixed but useful.',
];
const DECISIONS = [
  'We agreed that {s} moves to the next sprint.',
  'We decided to freeze the scope of {s} until the review.',
];
const TASKS = [
  '{n} will send the summary of {s} to the customers by Friday.',
  "I'll prepare a proposal for {s} by March 20.",
  '{n}, can you review the estimate for {s} by Wednesday?',
];

/**
 * A meeting of `minutes` minutes spoken at 150 words a minute, in segments of about 12 s, with a
 * decision or a task now and then; deterministic, so runs compare.
 */
function syntheticMeeting(minutes: number): TranscriptSegmentRecord[] {
  // mulberry32: small, fast and evenly spread, so the share of decisions and tasks is what it says.
  let seed = minutes;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const segments: TranscriptSegmentRecord[] = [];
  for (let startMs = 0, index = 0; startMs < minutes * 60_000; startMs += 12_000, index++) {
    const fill = (template: string) => template.replace('{s}', pick(SUBJECTS)).replace('{n}', pick(NAMES));
    const roll = next();
    const second = roll < 0.04 ? pick(DECISIONS) : roll < 0.1 ? pick(TASKS) : pick(FILLER);
    segments.push({
      index,
      startMs,
      endMs: startMs + 11_500,
      speaker: pick(NAMES),
      text: `${fill(pick(FILLER))} ${fill(second)}`,
    });
  }
  return segments;
}

/**
 * The report worker with the offline default, as a process: from a queued job to its published
 * result (segments read page by page over NATS, the pipeline, the event), for a 10-minute and a
 * 2-hour transcript.
 */
export async function benchReports(options: {
  root: string;
  natsUrl: string;
  log: (line: string) => void;
}): Promise<string[]> {
  const supervisor = new ProcessSupervisor((name, code) => options.log(`${name} exited with ${code}`));
  const nc = await connect({ servers: options.natsUrl });
  const meetings = new Map([
    [10, syntheticMeeting(10)],
    [120, syntheticMeeting(120)],
  ]);
  const transcripts = new Map<string, TranscriptSegmentRecord[]>();
  const responder = answerSegmentRequests(nc, transcripts, 1_000);
  // Any free port: a fixed one may be taken by a platform or another bench on this machine.
  const port = await freePort();
  try {
    supervisor.start(
      'report-worker',
      process.execPath,
      ['workers/report/dist/src/main.js'],
      {
        ...process.env,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        NATS_URL: options.natsUrl,
        REPORT_WORKER_PORT: String(port),
      },
      options.root,
    );
    await waitFor('report-worker', async () => (await fetch(`http://127.0.0.1:${port}/ready`)).ok, 30_000);
    const lines: string[] = [];
    for (const [minutes, segments] of meetings) {
      const times: number[] = [];
      let bytes = 0;
      let items = '';
      for (let run = 0; run < 3; run++) {
        const transcriptId = randomUUID();
        transcripts.set(transcriptId, segments);
        const started = performance.now();
        const event = await generate(nc, transcriptId);
        times.push(performance.now() - started);
        bytes = event.bytes;
        const { result } = event.envelope.payload;
        items = `${result.keyPoints.length} key points, ${result.decisions.length} decisions, ${result.actionItems.length} action items`;
      }
      const words = segments.reduce((sum, segment) => sum + segment.text.split(' ').length, 0);
      times.sort((a, b) => a - b);
      lines.push(
        `report, offline extractive, ${minutes}-minute transcript (${segments.length} segments, ${words.toLocaleString('en')} words): ` +
          `median ${(times[1]! / 1000).toFixed(2)} s from job to result (min ${(times[0]! / 1000).toFixed(2)} s), ` +
          `report.generated ${(bytes / 1024).toFixed(0)} KiB; ${items}`,
      );
    }
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const rss = /process_resident_memory_bytes\{[^}]*\} (\d+)/.exec(metrics)?.[1];
    if (rss)
      lines.push(`report worker resident memory after the runs: ${(Number(rss) / 2 ** 20).toFixed(0)} MiB`);
    return lines;
  } finally {
    responder.stop();
    await supervisor.stopAll();
    await nc.drain();
  }
}

/** Queues a report job and waits for its `report.generated` (or fails on `report.failed`). */
async function generate(
  nc: NatsConnection,
  transcriptId: string,
): Promise<{ envelope: EventEnvelope<'report.generated'>; bytes: number }> {
  const reportId = randomUUID();
  const meetingId = randomUUID();
  const outcome = new Promise<{ envelope: EventEnvelope<'report.generated'>; bytes: number }>(
    (resolve, reject) => {
      const subscription = nc.subscribe(`events.meeting.${meetingId}.>`, {
        callback: (_error, msg) => {
          const envelope = msg.json<EventEnvelope>();
          if (envelope.kind === 'report.generated') {
            subscription.unsubscribe();
            resolve({ envelope: envelope as EventEnvelope<'report.generated'>, bytes: msg.data.length });
          } else if (envelope.kind === 'report.failed') {
            subscription.unsubscribe();
            reject(new Error(`report failed: ${(envelope.payload as { reason: string }).reason}`));
          }
        },
      });
    },
  );
  const job = createJob(
    'report',
    { reportId, meetingId, transcriptId, template: 'SUMMARY', language: 'en' },
    reportId,
  );
  await nc.jetstream().publish(jobSubject('report'), JSON.stringify(job), { msgID: job.id });
  return outcome;
}
