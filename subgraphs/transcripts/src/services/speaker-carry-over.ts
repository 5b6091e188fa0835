import { matchVoices } from '../domain/voice-matching.js';
import type { TranscriptEntity } from '../entities/transcript.entity.js';
import type { TranscriptRepository } from '../repositories/transcript.repository.js';

/**
 * Names the speakers of a run just completed after the people the owner named in the meeting's
 * earlier runs, where the voices match (see `matchVoices`): a retranscription keeps the names.
 * Call with the run locked, before `transcript.ready` is staged, so search indexes the names.
 */
export async function carrySpeakerNames(
  transcripts: TranscriptRepository,
  run: TranscriptEntity,
  now: Date,
): Promise<void> {
  const speakers = transcripts.speakers;
  const heard = (await speakers.findAll([run.id])).filter((speaker) => speaker.name === null);
  if (heard.length === 0) return;
  const known = await speakers.findNamedVoices(run.meetingId, run.id);
  if (known.length === 0) return;
  for (const [label, person] of matchVoices(heard, known)) {
    await speakers.name(run.id, label, { ...person, by: null, at: now });
  }
}
