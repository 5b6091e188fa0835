import type { EntityManager } from '@mikro-orm/postgresql';
import { TranscriptRepository } from '../repositories/transcript.repository.js';

/** A deleted meeting takes every transcription run and segment of it along. */
export async function deleteMeetingTranscripts(em: EntityManager, meetingId: string): Promise<void> {
  await new TranscriptRepository(em).deleteByMeeting(meetingId);
}
