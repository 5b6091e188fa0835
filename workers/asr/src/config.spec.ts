import assert from 'node:assert/strict';
import { ConfigError } from '@mymeet/core';
import { loadAsrConfig } from './config.js';

describe('loadAsrConfig', () => {
  it('defaults to offline PocketSphinx on every core with a bounded disk budget', () => {
    const config = loadAsrConfig({});
    assert.equal(config.engine, 'pocketsphinx');
    assert.ok(config.concurrency >= 1);
    assert.equal(config.audio.tempBudgetBytes, 2 * 1024 ** 3);
    assert.equal(config.s3.forcePathStyle, false);
    assert.deepEqual(config.pocketsphinx.extraArgs, ['-lw', '5']);
  });

  it('names the missing setting of the chosen engine', () => {
    assert.throws(
      () => loadAsrConfig({ ASR_ENGINE: 'whisper' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /WHISPER_MODEL: ASR_ENGINE=whisper needs the path of a ggml model/);
        return true;
      },
    );
    assert.throws(() => loadAsrConfig({ ASR_ENGINE: 'openai' }), /ASR_API_URL: ASR_ENGINE=openai needs/);
  });

  it('splits extra decoder flags and takes path-style addressing for a custom endpoint', () => {
    const config = loadAsrConfig({
      POCKETSPHINX_ARGS: ' -lw 5  -beam 1e-60 ',
      S3_ENDPOINT: 'http://minio:9000',
    });
    assert.deepEqual(config.pocketsphinx.extraArgs, ['-lw', '5', '-beam', '1e-60']);
    assert.equal(config.s3.forcePathStyle, true);
  });

  it('diarizes with the offline diarizer and a speaker per channel by default; sherpa-onnx needs both model files', () => {
    const config = loadAsrConfig({});
    assert.equal(config.diarization.diarizer, 'offline');
    assert.equal(config.diarization.channels, 'auto');
    assert.throws(
      () => loadAsrConfig({ DIARIZER: 'sherpa-onnx' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(
          error.message,
          /DIARIZATION_SEGMENTATION_MODEL: DIARIZER=sherpa-onnx needs the path of a pyannote/,
        );
        assert.match(
          error.message,
          /DIARIZATION_EMBEDDING_MODEL: DIARIZER=sherpa-onnx needs the path of a speaker embedding/,
        );
        return true;
      },
    );
    const sherpa = loadAsrConfig({
      DIARIZER: 'sherpa-onnx',
      DIARIZATION_SEGMENTATION_MODEL: '/m/seg.onnx',
      DIARIZATION_EMBEDDING_MODEL: '/m/emb.onnx',
    });
    assert.deepEqual(sherpa.diarization.sherpaOnnx, {
      segmentationModel: '/m/seg.onnx',
      embeddingModel: '/m/emb.onnx',
      threshold: 0.5,
      threads: 1,
    });
  });
});
