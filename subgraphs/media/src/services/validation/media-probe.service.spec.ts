import assert from 'node:assert/strict';
import type {
  ContainerReport,
  InspectionResult,
  MediaInspectorPort,
} from '../../probe/media-inspector.port.js';
import { MediaProbe, type ProbeOutcome } from './media-probe.service.js';

const mp3: ContainerReport = {
  formatNames: ['mp3'],
  formatLongName: 'MP2/3 (MPEG audio layer 2/3)',
  durationSeconds: 60,
  probeScore: 51,
  streams: [
    {
      index: 0,
      codecType: 'audio',
      codecName: 'mp3',
      sampleRate: 16000,
      channels: 1,
      durationSeconds: 60,
      attachedPicture: false,
    },
  ],
};

class FakeInspector implements MediaInspectorPort {
  result: InspectionResult = { readable: true, container: mp3 };
  lastEnd: number | undefined = 60;
  decoded = 10;
  scannedFrom: Array<number | undefined> = [];

  async inspect(): Promise<InspectionResult> {
    return this.result;
  }
  async lastPacketEnd(_url: string, _index: number, from: number | undefined) {
    this.scannedFrom.push(from);
    return this.lastEnd;
  }
  async decodeHead() {
    return { decodedSeconds: this.decoded, errorCount: 0 };
  }
}

function reasonOf(outcome: ProbeOutcome): string {
  return outcome.accepted ? 'ACCEPTED' : outcome.reason;
}

describe('MediaProbe', () => {
  let inspector: FakeInspector;
  let probe: MediaProbe;

  beforeEach(() => {
    inspector = new FakeInspector();
    probe = new MediaProbe(inspector);
  });

  it('accepts whole audio of the declared type and reports its facts', async () => {
    const outcome = await probe.examine('u', 'audio/mpeg');
    assert.deepEqual(outcome, {
      accepted: true,
      facts: {
        durationSeconds: 60,
        container: 'mp3',
        audioCodec: 'mp3',
        sampleRate: 16000,
        channels: 1,
        videoCodec: undefined,
        bitRate: undefined,
      },
    });
    assert.deepEqual(inspector.scannedFrom, [55]);
  });

  it('calls unreadable bytes NOT_MEDIA and a missing MP4 index TRUNCATED', async () => {
    inspector.result = { readable: false, diagnostics: 'x.mp3: Invalid data found when processing input' };
    assert.equal(reasonOf(await probe.examine('u', 'audio/mpeg')), 'NOT_MEDIA');
    inspector.result = { readable: false, diagnostics: '[mov,mp4,m4a] moov atom not found' };
    assert.equal(reasonOf(await probe.examine('u', 'audio/mp4')), 'TRUNCATED');
  });

  it('rejects video without sound as NO_AUDIO_STREAM, noise without parameters as NOT_MEDIA', async () => {
    const videoOnly = {
      ...mp3,
      formatNames: ['mov', 'mp4'],
      streams: [{ index: 0, codecType: 'video', attachedPicture: false }],
    };
    inspector.result = { readable: true, container: videoOnly };
    assert.equal(reasonOf(await probe.examine('u', 'video/mp4')), 'NO_AUDIO_STREAM');
    const noise = {
      ...mp3,
      streams: [{ index: 0, codecType: 'audio', codecName: 'mp3', attachedPicture: false }],
    };
    inspector.result = { readable: true, container: noise };
    assert.equal(reasonOf(await probe.examine('u', 'audio/mpeg')), 'NOT_MEDIA');
  });

  it('rejects a container that contradicts the declared type', async () => {
    const outcome = await probe.examine('u', 'audio/mp4');
    assert.equal(reasonOf(outcome), 'TYPE_MISMATCH');
    assert.match(
      outcome.accepted ? '' : outcome.message,
      /announced as audio\/mp4 but its content is MP2\/3/,
    );
  });

  it('rejects audio that does not decode', async () => {
    inspector.decoded = 0;
    assert.equal(reasonOf(await probe.examine('u', 'audio/mpeg')), 'NOT_MEDIA');
  });

  it('rejects a file whose last packets end before the announced duration', async () => {
    inspector.lastEnd = 29.7;
    const outcome = await probe.examine('u', 'audio/mpeg');
    assert.equal(reasonOf(outcome), 'TRUNCATED');
    assert.match(outcome.accepted ? '' : outcome.message, /stops at 0m30s of 1m00s/);
    inspector.lastEnd = undefined;
    assert.equal(reasonOf(await probe.examine('u', 'audio/mpeg')), 'TRUNCATED');
  });

  it('scans the whole file when no duration is announced', async () => {
    const webm = {
      ...mp3,
      formatNames: ['matroska', 'webm'],
      durationSeconds: undefined,
      streams: [{ ...mp3.streams[0]!, durationSeconds: undefined }],
    };
    inspector.result = { readable: true, container: webm };
    inspector.lastEnd = 42;
    const outcome = await probe.examine('u', 'audio/webm');
    assert.equal(outcome.accepted && outcome.facts.durationSeconds, 42);
    assert.deepEqual(inspector.scannedFrom, [undefined]);
  });

  it('enforces duration bounds', async () => {
    const long = new MediaProbe(inspector, {
      maxDurationSeconds: 30,
      minDurationSeconds: 0.5,
      tailWindowSeconds: 5,
      truncationToleranceSeconds: 1,
      headDecodeSeconds: 10,
    });
    assert.equal(reasonOf(await long.examine('u', 'audio/mpeg')), 'TOO_LONG');
    inspector.result = {
      readable: true,
      container: { ...mp3, durationSeconds: 0.2, streams: [{ ...mp3.streams[0]!, durationSeconds: 0.2 }] },
    };
    inspector.lastEnd = 0.2;
    assert.equal(reasonOf(await probe.examine('u', 'audio/mpeg')), 'TOO_SHORT');
  });
});
