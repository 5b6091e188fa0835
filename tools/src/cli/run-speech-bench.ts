import { resolve } from 'node:path';
import { runSpeechBench } from '../bench/asr/run-asr-bench.js';

// The speech part of `npm run bench` alone: `node tools/dist/src/cli/run-speech-bench.js`
// (ASR_BENCH_TUNE=1 adds the PocketSphinx settings table; WHISPER_MODEL / ASR_API_URL add engines).
const root = resolve(import.meta.dirname, '../../../..');
await runSpeechBench(root, (line) => console.log(`bench | ${line}`));
