import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventEnvelope } from '@mymeet/contracts';
import { eventually, synthesizeRecording } from '@mymeet/testing';
import { AsrTestPlatform, type RunningWorker } from './support/asr-test-platform.js';
import { MEETING_TURNS } from './support/meeting-script.js';

type Payload = Record<string, unknown>;

/** Command lines of live processes that mention a path (the worker's decoders name their temp folder). */
function processesUsing(path: string): string[] {
  const table = execFileSync('ps', ['-eo', 'pid=,args=']).toString();
  return table
    .split('\n')
    .filter((line) => line.includes(path) && !line.includes(' ps -eo'))
    .map((line) => line.trim());
}
const payloads = (events: EventEnvelope[], kind: string) =>
  events.filter((e) => e.kind === kind).map((e) => e.payload as Payload);

describe('asr worker failures', function () {
  this.timeout(240_000);
  let platform: AsrTestPlatform;
  let worker: RunningWorker | undefined;

  before(async () => {
    platform = await AsrTestPlatform.start();
  });
  afterEach(async () => {
    await worker?.kill('SIGKILL');
    worker = undefined;
  });
  after(async () => platform?.stop());

  const failureOf = async (meetingId: string) => {
    const events = await platform.untilFinished(meetingId);
    assert.deepEqual(payloads(events, 'transcript.completed'), []);
    return String(payloads(events, 'transcript.failed')[0]?.reason);
  };

  it('fails a corrupt object with a readable reason and a dead letter', async () => {
    worker = await platform.startWorker();
    const bytes = new Uint8Array(64 * 1024).map((_, i) => (i * 7919) % 251);
    bytes.set(new TextEncoder().encode('ID3'), 0);
    const job = await platform.queueJob(await platform.uploadBytes(bytes));
    const reason = await failureOf(job.meetingId);
    assert.match(reason, /could not be decoded|no audio track/);
    const letters = await platform.deadLetters();
    const letter = letters.find((l) => l.job.payload.transcriptId === job.transcriptId);
    assert.ok(letter, 'dead-lettered');
    assert.equal(letter.reason, reason);
    assert.deepEqual(await platform.leftoverTempFiles(), []);
  });

  it('fails a recording that is gone from storage', async () => {
    worker = await platform.startWorker();
    const job = await platform.queueJob('recordings/never-uploaded.mp3');
    assert.match(await failureOf(job.meetingId), /no longer in storage/);
  });

  it('refuses audio that would exceed the disk budget, before and while decoding', async () => {
    worker = await platform.startWorker({ ASR_TEMP_BUDGET_BYTES: String(100_000) });
    const recording = synthesizeRecording({ turns: MEETING_TURNS.slice(0, 2), directory: platform.tempRoot });
    const key = await platform.upload(recording.path);
    const announced = await platform.queueJob(key, { durationSeconds: recording.durationMs / 1000 });
    assert.match(await failureOf(announced.meetingId), /more than 0 MB of local disk.*ASR_TEMP_BUDGET_BYTES/);
    const unannounced = await platform.queueJob(key);
    assert.match(await failureOf(unannounced.meetingId), /ASR_TEMP_BUDGET_BYTES/);
    assert.deepEqual(await platform.leftoverTempFiles(), []);
  });

  it('fails at once when the Whisper model file is missing or is not a model', async () => {
    const recording = synthesizeRecording({ turns: MEETING_TURNS.slice(0, 1), directory: platform.tempRoot });
    const key = await platform.upload(recording.path);
    worker = await platform.startWorker({
      ASR_ENGINE: 'whisper',
      WHISPER_MODEL: '/nonexistent/ggml-base.bin',
    });
    const missing = await platform.queueJob(key);
    assert.match(await failureOf(missing.meetingId), /ggml-base\.bin \(WHISPER_MODEL\) does not exist/);
    await worker.kill();

    const junk = join(platform.tempRoot, 'ggml-junk.bin');
    await writeFile(junk, 'this is not a ggml model');
    worker = await platform.startWorker({ ASR_ENGINE: 'whisper', WHISPER_MODEL: junk });
    const invalid = await platform.queueJob(key);
    assert.match(await failureOf(invalid.meetingId), /whisper\.cpp could not load .*ggml-junk\.bin/);
  });

  it('redelivers the job of a worker killed mid-job and ends with every segment exactly once', async () => {
    const turns = Array.from({ length: 3 }, () => MEETING_TURNS).flat();
    const recording = synthesizeRecording({ turns, pauseMs: 700, directory: platform.tempRoot });
    const key = await platform.upload(recording.path);
    // One decoder at a time on a minute of audio each, so a decoder is mid-batch when the worker dies.
    const settings = { ASR_CONCURRENCY: '1', POCKETSPHINX_BATCH_SECONDS: '60' };
    worker = await platform.startWorker(settings);
    const job = await platform.queueJob(key, { durationSeconds: recording.durationMs / 1000 });
    await eventually(
      async () => {
        const segments = payloads(await platform.events(job.meetingId), 'transcript.segment');
        assert.ok(segments.length >= 2);
      },
      60_000,
      50,
    );
    await worker.kill('SIGKILL');
    // Its decoder dies with it (within a second) instead of finishing a minute of audio for nobody.
    await eventually(async () => assert.deepEqual(processesUsing(platform.tempRoot), []), 1_000, 100);
    const beforeKill = await platform.events(job.meetingId);
    assert.deepEqual(payloads(beforeKill, 'transcript.completed'), [], 'killed before the end');

    worker = await platform.startWorker(settings);
    const events = await platform.untilFinished(job.meetingId, 180_000);
    const completed = payloads(events, 'transcript.completed');
    assert.equal(completed.length, 1);
    const count = completed[0]!.segmentCount as number;
    assert.equal(count, turns.length);
    // What the transcripts service stores: per index, the segment of the latest attempt.
    const segments = payloads(events, 'transcript.segment');
    const latest = new Map<number, Payload>();
    for (const segment of segments) {
      const held = latest.get(segment.index as number);
      if (!held || (segment.attempt as number) >= (held.attempt as number))
        latest.set(segment.index as number, segment);
    }
    assert.deepEqual(
      [...latest.keys()].sort((a, b) => a - b),
      Array.from({ length: count }, (_, i) => i),
    );
    assert.equal(completed[0]!.attempt, 2);
    const second = segments.filter((s) => s.attempt === 2);
    assert.equal(second.length, count, 'the second attempt published every index once');
    assert.equal(new Set(second.map((s) => s.index)).size, count);
    // Indexes depend only on the audio: what the killed attempt published, the second repeated.
    for (const first of segments.filter((s) => s.attempt === 1)) {
      const again = latest.get(first.index as number)!;
      assert.deepEqual({ ...first, attempt: 2 }, again);
    }
    const ids = events.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length, 'no event twice in the stream');
    const percents = payloads(events, 'transcript.progress').map((p) => p.percent as number);
    for (let i = 1; i < percents.length; i++)
      assert.ok(percents[i]! >= percents[i - 1]!, `progress went back: ${percents.join(',')}`);
  });
});
