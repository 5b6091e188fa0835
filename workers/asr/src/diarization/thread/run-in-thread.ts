import { Worker } from 'node:worker_threads';
import type { Diarization } from '../speaker-diarizer.port.js';
import type { DiarizationTask } from './diarization-tasks.js';

const THREAD_ENTRY = new URL('./diarization.thread.js', import.meta.url);

/**
 * Runs a diarization task on a worker thread, so the event loop stays free for heartbeats and
 * progress while the arithmetic runs; an abort terminates the thread.
 */
export function runDiarizationInThread(
  task: DiarizationTask,
  signal: AbortSignal,
): Promise<Diarization | null> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const worker = new Worker(THREAD_ENTRY, { workerData: task });
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', abort);
      finish();
    };
    const abort = () => settle(() => void worker.terminate().finally(() => reject(signal.reason as Error)));
    signal.addEventListener('abort', abort, { once: true });
    worker.once('message', (message: { result?: Diarization | null; error?: string }) =>
      settle(() =>
        message.error === undefined
          ? resolve(message.result ?? null)
          : reject(new Error(`Diarization failed: ${message.error}`)),
      ),
    );
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`The diarization thread exited (code ${code}) before it answered`))),
    );
  });
}
