import { loadSherpaOnnx } from './sherpa-onnx-binding.js';
import { diarizeWithSherpaOnnx } from './sherpa-onnx-diarization.js';
import type { SherpaOnnxRequest } from './sherpa-onnx-process.js';

// One diarization per process: onnxruntime aborts the whole process on a model it cannot read
// (std::terminate, measured here), which must not take the worker with it.
process.once('message', (request: SherpaOnnxRequest) => {
  try {
    const result = diarizeWithSherpaOnnx(
      loadSherpaOnnx(),
      request.settings,
      request.pcmPath,
      request.maxSpeakers,
    );
    process.send!({ result }, () => process.exit(0));
  } catch (error) {
    process.send!({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(0));
  }
});
