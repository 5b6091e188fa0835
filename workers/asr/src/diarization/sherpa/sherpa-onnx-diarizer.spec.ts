import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AsrError } from '../../domain/asr-error.js';
import type { SherpaOnnx } from './sherpa-onnx-binding.js';
import { diarizeWithSherpaOnnx } from './sherpa-onnx-diarization.js';
import { SherpaOnnxSpeakerDiarizer } from './sherpa-onnx-diarizer.adapter.js';

// No segmentation or embedding model can be had here (nothing downloads models): these tests check
// the plumbing with the real binding and files that are not models, and the mapping with a fake.
describe('sherpa-onnx diarizer', function () {
  this.timeout(30_000);
  const dir = mkdtempSync(join(tmpdir(), 'sherpa-spec-'));
  const pcm = join(dir, 'audio.pcm');
  const notAModel = join(dir, 'not-a-model.onnx');
  writeFileSync(pcm, Buffer.alloc(16_000 * 2 * 3));
  writeFileSync(notAModel, 'this is not an ONNX model');
  after(() => rmSync(dir, { recursive: true, force: true }));
  const settings = (segmentationModel: string, embeddingModel: string) => ({
    segmentationModel,
    embeddingModel,
    threshold: 0.5,
    threads: 1,
  });

  it('fails at once naming the setting when the segmentation model is missing', async () => {
    const diarizer = new SherpaOnnxSpeakerDiarizer(settings(join(dir, 'missing.onnx'), notAModel));
    await assert.rejects(diarizer.assertReady(), (error: unknown) => {
      assert.ok(error instanceof AsrError);
      assert.equal(error.code, 'MODEL_UNAVAILABLE');
      assert.equal(error.retryable, false);
      assert.match(error.message, /missing\.onnx \(DIARIZATION_SEGMENTATION_MODEL\) does not exist/);
      return true;
    });
  });

  it('fails at once naming the setting when the embedding model is missing', async () => {
    const diarizer = new SherpaOnnxSpeakerDiarizer(settings(notAModel, join(dir, 'gone.onnx')));
    await assert.rejects(diarizer.assertReady(), /gone\.onnx \(DIARIZATION_EMBEDDING_MODEL\) does not exist/);
  });

  it('says so when the native binding cannot load', async () => {
    const diarizer = new SherpaOnnxSpeakerDiarizer(settings(notAModel, notAModel), () => {
      throw new Error('Could not find sherpa-onnx-node');
    });
    await assert.rejects(
      diarizer.assertReady(),
      /sherpa-onnx could not be loaded on this worker \(Could not find/,
    );
  });

  it('loads the real binding, and a file onnxruntime cannot parse fails the job with its reason (the worker lives on)', async () => {
    const diarizer = new SherpaOnnxSpeakerDiarizer(settings(notAModel, notAModel));
    await diarizer.assertReady();
    await assert.rejects(
      diarizer.diarize({ pcmPath: pcm, durationMs: 3_000 }, new AbortController().signal),
      (error: unknown) => {
        assert.ok(error instanceof AsrError);
        assert.equal(error.code, 'MODEL_UNAVAILABLE');
        assert.match(error.message, /DIARIZATION_SEGMENTATION_MODEL.*Protobuf parsing failed/);
        return true;
      },
    );
  });

  it('maps segments to turns by first appearance, trims overlaps, bounds the count and averages embeddings', () => {
    const configs: unknown[] = [];
    let numClusters: number | undefined;
    const fake = {
      OfflineSpeakerDiarization: class {
        sampleRate = 16_000;
        constructor(config: unknown) {
          configs.push(config);
        }
        process() {
          return numClusters === 2
            ? [
                { start: 1.5, end: 2.5, speaker: 0 },
                { start: 0, end: 1.6, speaker: 1 },
              ]
            : [
                { start: 1.5, end: 2.5, speaker: 0 },
                { start: 0, end: 1.6, speaker: 1 },
                { start: 2.5, end: 2.9, speaker: 2 },
              ];
        }
        setConfig(config: { clustering: { numClusters?: number } }) {
          numClusters = config.clustering.numClusters;
        }
      },
      SpeakerEmbeddingExtractor: class {
        dim = 2;
        createStream() {
          let length = 0;
          return {
            acceptWaveform: (wave: { samples: Float32Array }) => (length = wave.samples.length),
            inputFinished: () => undefined,
            length: () => length,
          };
        }
        isReady() {
          return true;
        }
        compute(stream: { length: () => number }) {
          return Float32Array.from([stream.length() / 16_000, 1]);
        }
      },
    } as unknown as SherpaOnnx;
    const result = diarizeWithSherpaOnnx(fake, settings('/seg.onnx', '/models/emb.onnx'), pcm, 2);
    assert.equal(numClusters, 2, 'three speakers over a bound of two re-cluster to two');
    assert.deepEqual(result.turns, [
      { startMs: 0, endMs: 1_500, speaker: 'S1' },
      { startMs: 1_500, endMs: 2_500, speaker: 'S2' },
    ]);
    assert.deepEqual(result.speakers, [
      { label: 'S1', voiceprint: { model: 'sherpa-onnx:emb.onnx', vector: [1.6, 1] } },
      { label: 'S2', voiceprint: { model: 'sherpa-onnx:emb.onnx', vector: [1, 1] } },
    ]);
    assert.deepEqual(configs[0], {
      segmentation: { pyannote: { model: '/seg.onnx' }, numThreads: 1 },
      embedding: { model: '/models/emb.onnx', numThreads: 1 },
      clustering: { threshold: 0.5 },
      minDurationOn: 0.3,
      minDurationOff: 0.5,
    });
  });
});
