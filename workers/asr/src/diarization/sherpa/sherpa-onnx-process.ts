import { fork } from 'node:child_process';
import { AsrError } from '../../domain/asr-error.js';
import type { Diarization } from '../speaker-diarizer.port.js';
import type { SherpaOnnxSettings } from './sherpa-onnx-diarization.js';

export interface SherpaOnnxRequest {
  pcmPath: string;
  maxSpeakers?: number;
  settings: SherpaOnnxSettings;
}

const CHILD = new URL('./sherpa-onnx.child.js', import.meta.url);
const STDERR_TAIL = 2_000;

/**
 * Runs sherpa-onnx in a child process of its own; the child answering, failing, crashing (a model
 * onnxruntime cannot parse aborts it) or being aborted all settle the promise, the crash with what
 * onnxruntime printed.
 */
export function diarizeInSherpaOnnxChild(
  request: SherpaOnnxRequest,
  signal: AbortSignal,
): Promise<Diarization> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const child = fork(CHILD, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-STDERR_TAIL)));
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', abort);
      finish();
    };
    const abort = () =>
      settle(() => {
        child.kill('SIGKILL');
        reject(signal.reason as Error);
      });
    signal.addEventListener('abort', abort, { once: true });
    child.once('message', (message: { result?: Diarization; error?: string }) =>
      settle(() =>
        message.result ? resolve(message.result) : reject(failure(message.error ?? 'no answer')),
      ),
    );
    child.once('error', (error) => settle(() => reject(error)));
    child.once('exit', (code, exitSignal) =>
      settle(() =>
        reject(failure(stderr.trim() || `sherpa-onnx exited (${exitSignal ?? code}) without an answer`)),
      ),
    );
    child.send(request);
  });
}

/** A model onnxruntime cannot load will not load next time either: the job fails at once with the reason. */
function failure(detail: string): AsrError {
  const line = detail.split('\n').find((text) => /fail|error|does not exist|invalid/i.test(text)) ?? detail;
  const model = /Load model|model|onnx|Protobuf/i.test(detail);
  return new AsrError(
    model ? 'MODEL_UNAVAILABLE' : 'ENGINE_FAILED',
    model
      ? `sherpa-onnx could not use the diarization models (DIARIZATION_SEGMENTATION_MODEL, DIARIZATION_EMBEDDING_MODEL): ${line.trim().slice(0, 300)}`
      : `sherpa-onnx diarization failed: ${line.trim().slice(0, 300)}`,
    model ? { reason: 'MODEL_UNAVAILABLE' } : {},
  );
}
