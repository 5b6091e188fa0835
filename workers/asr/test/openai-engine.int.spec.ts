import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { EventEnvelope } from '@mymeet/contracts';
import { synthesizeRecording } from '@mymeet/testing';
import { AsrTestPlatform, type RunningWorker } from './support/asr-test-platform.js';
import { MEETING_TURNS } from './support/meeting-script.js';

type Payload = Record<string, unknown>;
const payloads = (events: EventEnvelope[], kind: string) =>
  events.filter((e) => e.kind === kind).map((e) => e.payload as Payload);

interface SeenRequest {
  authorization?: string;
  model: string;
  language?: string;
  prompt?: string;
  format: string;
  sampleRate: number;
  seconds: number;
}

/**
 * A server speaking OpenAI's `/v1/audio/transcriptions` (multipart in, verbose_json out). It answers
 * each chunk with the words the chunk's length implies, so the test can check where they land.
 */
async function startTranscriptionServer(
  status = 200,
): Promise<{ url: string; seen: SeenRequest[]; close(): Promise<void> }> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    void (async () => {
      assert.equal(req.url, '/v1/audio/transcriptions');
      const form = await new Request('http://local', {
        method: 'POST',
        headers: req.headers as Record<string, string>,
        body: Readable.toWeb(req) as ReadableStream,
        duplex: 'half',
      } as RequestInit).formData();
      const file = form.get('file') as File;
      const wav = Buffer.from(await file.arrayBuffer());
      const seconds = wav.readUInt32LE(40) / 32_000;
      seen.push({
        authorization: req.headers.authorization,
        model: String(form.get('model')),
        language: form.get('language')?.toString(),
        prompt: form.get('prompt')?.toString(),
        format: String(form.get('response_format')),
        sampleRate: wav.readUInt32LE(24),
        seconds,
      });
      if (status !== 200) {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'Incorrect API key provided' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          text: ` chunk of ${Math.round(seconds)} seconds`,
          language: 'english',
          words: [
            { word: 'chunk', start: 0.1, end: 0.4 },
            { word: 'of', start: 0.4, end: 0.5 },
            { word: String(Math.round(seconds)), start: 0.5, end: 0.8 },
            { word: 'seconds', start: 0.8, end: seconds - 0.1 },
          ],
          segments: [
            { text: `chunk of ${Math.round(seconds)} seconds`, start: 0, end: seconds, avg_logprob: -0.1 },
          ],
        }),
      );
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('asr worker with an OpenAI-compatible transcription API', function () {
  this.timeout(120_000);
  let platform: AsrTestPlatform;
  let worker: RunningWorker | undefined;

  before(async () => (platform = await AsrTestPlatform.start()));
  afterEach(async () => {
    await worker?.kill();
    worker = undefined;
  });
  after(async () => platform?.stop());

  it('sends each voiced chunk as 16 kHz WAV with the model, language and vocabulary prompt, and keeps the times', async () => {
    const api = await startTranscriptionServer();
    try {
      worker = await platform.startWorker({
        ASR_ENGINE: 'openai',
        ASR_API_URL: api.url,
        ASR_API_KEY: 'sk-test',
        ASR_MODEL: 'whisper-large-v3',
      });
      const recording = synthesizeRecording({
        turns: MEETING_TURNS.slice(0, 3),
        pauseMs: 1_000,
        directory: platform.tempRoot,
      });
      const job = await platform.queueJob(await platform.upload(recording.path), {
        language: 'en-GB',
        vocabulary: ['Quillbot'],
      });
      const events = await platform.untilFinished(job.meetingId);
      const completed = payloads(events, 'transcript.completed')[0];
      assert.equal(completed?.engine, 'openai:whisper-large-v3', worker.output());
      const segments = payloads(events, 'transcript.segment');
      assert.equal(segments.length, 3);
      assert.equal(api.seen.length, 3);
      for (const request of api.seen) {
        assert.deepEqual(
          {
            auth: request.authorization,
            model: request.model,
            language: request.language,
            format: request.format,
            rate: request.sampleRate,
          },
          {
            auth: 'Bearer sk-test',
            model: 'whisper-large-v3',
            language: 'en',
            format: 'verbose_json',
            rate: 16_000,
          },
        );
        assert.match(String(request.prompt), /Quillbot/);
      }
      segments.forEach((segment, i) => {
        const turn = recording.turns[i]!;
        assert.equal(segment.text, `chunk of ${Math.round(api.seen[i]!.seconds)} seconds`);
        // The first word starts 0.1 s into its chunk; chunks start at most 150 ms before the voice.
        assert.ok(
          Math.abs((segment.startMs as number) - turn.startMs) < 300,
          `${segment.startMs} vs ${turn.startMs}`,
        );
        assert.ok((segment.endMs as number) <= recording.durationMs);
      });
    } finally {
      await api.close();
    }
  });

  it('fails the job with the API’s reason when it rejects the key', async () => {
    const api = await startTranscriptionServer(401);
    try {
      worker = await platform.startWorker({
        ASR_ENGINE: 'openai',
        ASR_API_URL: `${api.url}/v1`,
        ASR_API_KEY: 'sk-wrong',
      });
      const recording = synthesizeRecording({
        turns: MEETING_TURNS.slice(0, 1),
        directory: platform.tempRoot,
      });
      const job = await platform.queueJob(await platform.upload(recording.path));
      const events = await platform.untilFinished(job.meetingId);
      assert.match(
        String(payloads(events, 'transcript.failed')[0]?.reason),
        /HTTP 401: Incorrect API key provided.*ASR_API_KEY/,
      );
      assert.equal(api.seen.length, 1, 'a rejected key is not retried');
    } finally {
      await api.close();
    }
  });
});
