import assert from 'node:assert/strict';
import { MediaSource, MediaStatus } from '../../domain/media-status.js';
import { MediaAssetEntity } from '../../entities/media-asset.entity.js';
import type { MediaAssetRepository } from '../../repositories/media-asset.repository.js';
import { recordValidationOutcome } from './media-outcome.service.js';

class StagingRecorder {
  events: Array<{ kind: string; meetingId: string; payload: Record<string, unknown> }> = [];
  jobs: Array<{ kind: string; payload: Record<string, unknown>; id: string }> = [];
  stageEvent(kind: string, meetingId: string, payload: Record<string, unknown>) {
    this.events.push({ kind, meetingId, payload });
  }
  stageJob(kind: string, payload: Record<string, unknown>, id: string) {
    this.jobs.push({ kind, payload, id });
  }
}

function validatingAsset(): MediaAssetEntity {
  return Object.assign(new MediaAssetEntity(), {
    meetingId: '7d3f1a52-3c1e-4a8e-9a3b-2b1f4a6c9d01',
    ownerId: 'alice',
    fileName: 'talk.mp3',
    contentType: 'audio/mpeg',
    byteSize: 480_000,
    status: MediaStatus.VALIDATING,
    objectKey: 'meetings/m/a/talk.mp3',
    source: MediaSource.UPLOAD,
  });
}

describe('recordValidationOutcome', () => {
  it('makes an accepted file READY and stages media.ready and its transcription job under one transcript id', () => {
    const staged = new StagingRecorder();
    const asset = validatingAsset();
    recordValidationOutcome(
      asset,
      {
        accepted: true,
        facts: {
          durationSeconds: 60.1,
          container: 'mp3',
          audioCodec: 'mp3',
          sampleRate: 16000,
          channels: 1,
          bitRate: 64000.4,
        },
      },
      { language: 'en', vocabulary: ['Quillbot'] },
      staged as unknown as MediaAssetRepository,
    );
    assert.equal(asset.status, MediaStatus.READY);
    assert.equal(asset.durationSeconds, 60.1);
    assert.equal(asset.bitRate, 64000);
    assert.ok(asset.transcriptId);
    assert.deepEqual(
      staged.events.map((e) => e.kind),
      ['media.ready'],
    );
    assert.equal(staged.events[0]!.payload.transcriptId, asset.transcriptId);
    assert.deepEqual(staged.jobs, [
      {
        kind: 'asr',
        id: asset.transcriptId,
        payload: {
          mediaId: asset.id,
          transcriptId: asset.transcriptId,
          objectKey: asset.objectKey,
          language: 'en',
          meetingId: asset.meetingId,
          vocabulary: ['Quillbot'],
          durationSeconds: 60.1,
        },
      },
    ]);
  });

  it("bounds the job's speakers by the meeting's participants and its owner, when it lists any", () => {
    const facts = {
      durationSeconds: 60,
      container: 'mp3',
      audioCodec: 'mp3',
      sampleRate: 16000,
      channels: 1,
    };
    const withPeople = new StagingRecorder();
    recordValidationOutcome(
      validatingAsset(),
      { accepted: true, facts },
      { language: 'en', vocabulary: [], participantEmails: ['a@example.com', 'b@example.com'] },
      withPeople as unknown as MediaAssetRepository,
    );
    assert.equal(withPeople.jobs[0]!.payload.maxSpeakers, 3);
    const nobody = new StagingRecorder();
    recordValidationOutcome(
      validatingAsset(),
      { accepted: true, facts },
      { language: 'en', vocabulary: [], participantEmails: [] },
      nobody as unknown as MediaAssetRepository,
    );
    assert.equal('maxSpeakers' in nobody.jobs[0]!.payload, false);
  });

  it('names the same transcript however often the same recording is settled', () => {
    const asset = validatingAsset();
    const accepted = {
      accepted: true as const,
      facts: { durationSeconds: 60, container: 'mp3', audioCodec: 'mp3', sampleRate: 16000, channels: 1 },
    };
    const first = new StagingRecorder();
    recordValidationOutcome(
      asset,
      accepted,
      { language: null, vocabulary: [] },
      first as unknown as MediaAssetRepository,
    );
    const firstId = asset.transcriptId;
    // A second run (duplicate delivery, another instance) settling a fresh copy of the same row.
    const again = Object.assign(validatingAsset(), { id: asset.id });
    const second = new StagingRecorder();
    recordValidationOutcome(
      again,
      accepted,
      { language: null, vocabulary: [] },
      second as unknown as MediaAssetRepository,
    );
    assert.equal(again.transcriptId, firstId);
    assert.equal(second.jobs[0]!.id, first.jobs[0]!.id, 'the job id deduplicates the second publish');
  });

  it('makes a refused file REJECTED with its reason and queues nothing', () => {
    const staged = new StagingRecorder();
    const asset = validatingAsset();
    recordValidationOutcome(
      asset,
      { accepted: false, reason: 'TRUNCATED', message: 'The file is incomplete.' },
      { language: null, vocabulary: [] },
      staged as unknown as MediaAssetRepository,
    );
    assert.equal(asset.status, MediaStatus.REJECTED);
    assert.equal(asset.rejectionCode, 'TRUNCATED');
    assert.equal(asset.rejectionReason, 'The file is incomplete.');
    assert.equal(asset.transcriptId, null);
    assert.deepEqual(staged.jobs, []);
    assert.deepEqual(staged.events, [
      {
        kind: 'media.rejected',
        meetingId: asset.meetingId,
        payload: { mediaId: asset.id, reason: 'The file is incomplete.' },
      },
    ]);
  });
});
