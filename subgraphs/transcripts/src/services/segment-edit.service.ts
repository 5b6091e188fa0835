import type { AuthenticatedUser } from '@mymeet/auth';
import { parseSegmentEdit } from '../domain/segment-edit.js';
import { TranscriptError, TranscriptErrorCode } from '../domain/transcript-error.js';
import { TranscriptStatus } from '../domain/transcript-status.js';
import { countWords } from '../domain/transcript-text.js';
import type { TranscriptSegmentEntity } from '../entities/transcript-segment.entity.js';
import type { TranscriptRepository } from '../repositories/transcript.repository.js';
import type { MeetingAccessPort } from './meeting-access.port.js';
import { isUuid } from './transcript-read.service.js';

/** An owner's corrections: `text` changes, the engine's `rawText` stays beside it. */
export class SegmentEditService {
  constructor(
    private readonly transcripts: TranscriptRepository,
    private readonly access: Pick<MeetingAccessPort, 'requireOwner'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async edit(
    user: AuthenticatedUser,
    transcriptId: string,
    index: number,
    text: string,
  ): Promise<TranscriptSegmentEntity> {
    const change = parseSegmentEdit(index, text);
    const found = isUuid(transcriptId) ? await this.transcripts.findById(transcriptId) : null;
    if (!found) throw TranscriptError.transcriptNotFound();
    await this.access.requireOwner(user, found.meetingId, 'edit its transcript');
    return this.transcripts.inTransaction(async (tx) => {
      const run = await tx.lock(transcriptId);
      if (!run) throw TranscriptError.transcriptNotFound();
      if (run.status !== TranscriptStatus.COMPLETED) {
        throw new TranscriptError(
          TranscriptErrorCode.TRANSCRIPT_NOT_COMPLETED,
          'The transcript is still being made; edit it once it is COMPLETED',
          { field: 'transcriptId', reason: TranscriptErrorCode.TRANSCRIPT_NOT_COMPLETED },
        );
      }
      const segment = await tx.segments.findOne(transcriptId, change.index);
      if (!segment)
        throw TranscriptError.invalidInput('index', `The transcript has no segment ${change.index}`);
      run.wordCount += countWords(change.text) - countWords(segment.text);
      segment.text = change.text;
      segment.edited = change.text !== segment.rawText;
      segment.editedAt = this.clock();
      segment.editedBy = user.sub;
      // Search follows the correction through the outbox, like every other change it indexes.
      tx.stageEvent('transcript.segment_edited', run.meetingId, { transcriptId, index: change.index });
      return segment;
    });
  }
}
