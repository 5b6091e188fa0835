import { MediaStatus } from '../../domain/media-status.js';
import { transcriptIdFor } from '../../domain/transcript-id.js';
import type { MediaAssetEntity } from '../../entities/media-asset.entity.js';
import type { MeetingAccessEntity } from '@mymeet/meeting-access';
import { maxSpeakersFor } from '@mymeet/contracts';
import type { MediaAssetRepository } from '../../repositories/media-asset.repository.js';
import type { ProbeOutcome } from './media-probe.service.js';

/**
 * Settles a validated asset and stages what follows in the same unit of work: a READY recording
 * announces `media.ready` and queues its transcription (one transcript id for both, so the
 * transcripts service and the worker meet on it; derived from the media id, so a second run of the
 * same recording names the same transcript); a rejected one announces `media.rejected` only.
 */
export function recordValidationOutcome(
  asset: MediaAssetEntity,
  outcome: ProbeOutcome,
  meeting: Pick<MeetingAccessEntity, 'language' | 'vocabulary'> &
    Partial<Pick<MeetingAccessEntity, 'participantEmails'>>,
  assets: MediaAssetRepository,
): void {
  asset.validationStartedAt = null;
  if (!outcome.accepted) {
    rejectAsset(asset, outcome.reason, outcome.message, assets);
    return;
  }
  const { facts } = outcome;
  asset.status = MediaStatus.READY;
  asset.rejectionCode = null;
  asset.rejectionReason = null;
  asset.durationSeconds = facts.durationSeconds;
  asset.container = facts.container;
  asset.audioCodec = facts.audioCodec;
  asset.videoCodec = facts.videoCodec ?? null;
  asset.sampleRate = facts.sampleRate;
  asset.channels = facts.channels;
  asset.bitRate = facts.bitRate !== undefined ? Math.round(facts.bitRate) : null;
  asset.transcriptId = transcriptIdFor(asset.id);
  const common = {
    mediaId: asset.id,
    transcriptId: asset.transcriptId,
    objectKey: asset.objectKey,
    language: meeting.language,
  };
  assets.stageEvent('media.ready', asset.meetingId, {
    ...common,
    contentType: asset.contentType,
    byteSize: asset.byteSize,
    durationSeconds: facts.durationSeconds,
  });
  // The diarizer finds no more speakers than the meeting has people, when it lists them.
  const maxSpeakers = maxSpeakersFor(meeting.participantEmails?.length ?? 0);
  assets.stageJob(
    'asr',
    {
      ...common,
      meetingId: asset.meetingId,
      vocabulary: meeting.vocabulary,
      durationSeconds: facts.durationSeconds,
      ...(maxSpeakers ? { maxSpeakers } : {}),
    },
    asset.transcriptId,
  );
}

export function rejectAsset(
  asset: MediaAssetEntity,
  code: string,
  message: string,
  assets: MediaAssetRepository,
): void {
  asset.status = MediaStatus.REJECTED;
  asset.rejectionCode = code;
  asset.rejectionReason = message;
  asset.validationStartedAt = null;
  assets.stageEvent('media.rejected', asset.meetingId, { mediaId: asset.id, reason: message });
}
