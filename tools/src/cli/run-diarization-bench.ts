import { resolve } from 'node:path';
import { benchDiarization } from '../bench/diarization-bench.js';

// The speakers part of `npm run bench` alone: `node tools/dist/src/cli/run-diarization-bench.js`.
const root = resolve(import.meta.dirname, '../../../..');
const lines = await benchDiarization(root, (line) => console.log(`bench | ${line}`));
console.log('');
for (const line of lines) console.log(line);
