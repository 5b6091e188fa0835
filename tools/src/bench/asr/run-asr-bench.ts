import { availableParallelism, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { STREAMS } from '@mymeet/contracts';
import { openMessaging } from '@mymeet/messaging';
import { wordErrorRate } from '@mymeet/testing';
import { startLocalS3Server } from '../../local-s3-server.js';
import { startPerRunNats } from '../../per-run-nats.js';
import { longMeeting, speechCorpus, type BenchRecording } from './speech-corpus.js';
import { putObject, WorkerUnderTest } from './worker-under-test.js';

const BUCKET = 'asr-bench';

interface Engine {
  label: string;
  env: Record<string, string>;
}

/** Settings the tuning table compares (`ASR_BENCH_TUNE=1`). */
const POCKETSPHINX_SETTINGS = [
  '-lw 6.5', // PocketSphinx's own defaults
  '-lw 5', // the worker's default
  '-lw 8',
  '-lw 5 -fwdflat no',
  '-lw 5 -bestpath no',
  '-lw 5 -beam 1e-60 -wbeam 1e-40',
  '-lw 5 -beam 1e-40 -wbeam 1e-24',
  '-lw 5 -maxhmmpf 10000',
  '-lw 5 -ds 2',
];

/**
 * `npm run bench` (speech part): word error rate on each kind of speech and real-time factor of the
 * whole worker (decoding, chunking, transcribing, publishing) per available engine, with peak memory.
 */
export async function runSpeechBench(root: string, log: (line: string) => void): Promise<void> {
  // A NATS of its own: a running platform's worker must not take the bench's jobs.
  const nats = await startPerRunNats(log);
  if (!nats) throw new Error('the speech benchmark needs the nats-server binary');
  const work = mkdtempSync(join(tmpdir(), 'asr-bench-'));
  const s3 = await startLocalS3Server({ directory: join(work, 's3') });
  const messaging = await openMessaging(nats.url, 'asr-bench');
  try {
    await fetch(`${s3.endpoint}/${BUCKET}`, { method: 'PUT' });
    log('speech: synthesizing the corpus with flite');
    const corpus = speechCorpus(work);
    const meetings = [longMeeting(work, 1), longMeeting(work, 10)];
    for (const recording of [...corpus, ...meetings])
      await putObject(s3.endpoint, BUCKET, recording.name, recording.path);
    const baseEnv = {
      NATS_URL: nats.url,
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
      ASR_TEMP_DIR: work,
    };
    const engines: Engine[] = [{ label: 'pocketsphinx', env: { ASR_ENGINE: 'pocketsphinx' } }];
    if (process.env.WHISPER_MODEL)
      engines.push({
        label: `whisper ${process.env.WHISPER_MODEL}`,
        env: { ASR_ENGINE: 'whisper', WHISPER_MODEL: process.env.WHISPER_MODEL },
      });
    if (process.env.ASR_API_URL)
      engines.push({ label: `api ${process.env.ASR_API_URL}`, env: { ASR_ENGINE: 'openai' } });
    else log('speech: set WHISPER_MODEL and/or ASR_API_URL to bench those engines too');

    const rows: string[] = [];
    for (const engine of engines) {
      const worker = await WorkerUnderTest.start(root, { ...baseEnv, ...engine.env }, messaging);
      try {
        for (const recording of corpus) rows.push(await measure(worker, engine.label, recording));
        for (const recording of meetings) rows.push(await measure(worker, engine.label, recording));
        rows.push(
          `${engine.label}: peak memory of worker and decoders ${worker.peakMemoryMiB.toFixed(0)} MiB`,
        );
      } finally {
        await worker.stop();
      }
    }
    console.log('');
    console.log(
      'engine        | speech                        | audio s |   WER | wall s | × real time | audio s per CPU s',
    );
    for (const row of rows) console.log(row);
    console.log(
      `(audio s per CPU s is speed per core, unaffected by other load; ${availableParallelism()} cores free would give about ${availableParallelism()}× that in real time)`,
    );

    if (process.env.ASR_BENCH_TUNE === '1') {
      console.log(
        '\nPocketSphinx settings (POCKETSPHINX_ARGS): audio s per CPU s over the whole corpus, WER per kind of speech',
      );
      for (const setting of POCKETSPHINX_SETTINGS) {
        const worker = await WorkerUnderTest.start(
          root,
          { ...baseEnv, POCKETSPHINX_ARGS: setting },
          messaging,
        );
        try {
          const cells: string[] = [];
          let audioSeconds = 0;
          let cpuSeconds = 0;
          for (const recording of corpus) {
            const run = await worker.transcribe(recording.name);
            cells.push(
              `${recording.name.split(' (')[0]} ${wordErrorRate(recording.reference, run.hypothesis).toFixed(3)}`,
            );
            audioSeconds += recording.seconds;
            cpuSeconds += run.cpuSeconds;
          }
          const speed = (audioSeconds / cpuSeconds).toFixed(1);
          console.log(`${(setting || 'defaults').padEnd(26)} | ${speed.padStart(6)} | ${cells.join(' | ')}`);
        } finally {
          await worker.stop();
        }
      }
    }
  } finally {
    await messaging.jsm.consumers.delete(STREAMS.jobs.name, 'asr-worker').catch(() => false);
    await messaging.close();
    await s3.stop();
    await nats.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

async function measure(worker: WorkerUnderTest, engine: string, recording: BenchRecording): Promise<string> {
  const run = await worker.transcribe(recording.name);
  if (run.failed) return `${engine.padEnd(13)} | ${recording.name.padEnd(29)} | failed: ${run.failed}`;
  const wer = wordErrorRate(recording.reference, run.hypothesis);
  const speed = recording.seconds / run.wallSeconds;
  return [
    engine.padEnd(13),
    recording.name.padEnd(29),
    recording.seconds.toFixed(0).padStart(7),
    wer.toFixed(3).padStart(5),
    run.wallSeconds.toFixed(1).padStart(6),
    speed.toFixed(1).padStart(11),
    (recording.seconds / run.cpuSeconds).toFixed(1).padStart(17),
  ].join(' | ');
}
