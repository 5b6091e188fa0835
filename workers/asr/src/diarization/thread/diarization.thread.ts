import { parentPort, workerData } from 'node:worker_threads';
import { runDiarizationTask, type DiarizationTask } from './diarization-tasks.js';

// Runs one task off the main thread: minutes of arithmetic there would stall the job's heartbeats.
try {
  parentPort!.postMessage({ result: runDiarizationTask(workerData as DiarizationTask) });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
