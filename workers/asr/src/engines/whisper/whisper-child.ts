import { readPcm } from '../../audio/pcm-audio.js';
import type { WhisperReply, WhisperRequest } from './whisper-protocol.js';

// The whisper.cpp binding runs here, apart from the worker: its promises never settle after a
// native error, so the worker kills this process on a timeout instead of hanging with it.
type Context = {
  transcribeData(
    data: ArrayBuffer,
    options: Record<string, unknown>,
  ): { promise: Promise<{ language?: string; segments: Array<{ text: string; t0: number; t1: number }> }> };
};

let context: Context | undefined;
const reply = (message: WhisperReply) => process.send?.(message);

process.on('disconnect', () => process.exit(0));
process.on('message', (request: WhisperRequest) => {
  void handle(request).catch((error: unknown) =>
    reply({
      type: 'failed',
      id: request.type === 'transcribe' ? request.id : undefined,
      message: String((error as Error)?.message ?? error),
    }),
  );
});

async function handle(request: WhisperRequest): Promise<void> {
  if (request.type === 'load') {
    const { initWhisper } = await import('@fugood/whisper.node');
    context = (await initWhisper({ filePath: request.modelPath, useGpu: false })) as unknown as Context;
    reply({ type: 'loaded' });
    return;
  }
  if (!context) throw new Error('no model loaded');
  const pcm = readPcm(request.pcmPath, request.startMs, request.endMs);
  const data = new Uint8Array(pcm).buffer;
  const result = await context.transcribeData(data, {
    language: request.language,
    prompt: request.prompt,
    maxThreads: request.threads,
    temperature: 0,
    tokenTimestamps: true,
    maxLen: 1,
  }).promise;
  reply({ type: 'result', id: request.id, language: result.language, segments: result.segments });
}
