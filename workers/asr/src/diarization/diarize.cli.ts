import { performance } from 'node:perf_hooks';
import { runDiarizationTask } from './thread/diarization-tasks.js';

// The offline diarizer on a PCM file, for the benchmark (tools/src/bench/diarization-bench.ts) and by
// hand: `node workers/asr/dist/src/diarization/diarize.cli.js audio.pcm [max-speakers] [channels]`.
// Prints the diarization as JSON with the milliseconds it took (this process's start excluded).
const [pcmPath, maxArgument, channelsArgument] = process.argv.slice(2);
if (!pcmPath) {
  console.error('usage: diarize.cli.js <16 kHz s16le PCM file> [max speakers] [channels]');
  process.exit(2);
}
const channels = Number(channelsArgument ?? 1);
const started = performance.now();
const result =
  channels > 1
    ? runDiarizationTask({ kind: 'channels', pcmPath, channels, force: false })
    : runDiarizationTask({
        kind: 'offline',
        pcmPath,
        maxSpeakers: maxArgument ? Number(maxArgument) : undefined,
      });
console.log(JSON.stringify({ elapsedMs: performance.now() - started, ...result }));
