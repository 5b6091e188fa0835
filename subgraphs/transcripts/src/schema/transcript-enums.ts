import { registerEnumType } from 'type-graphql';
import { TranscriptFormat } from '../domain/exports/render-export.js';
import { TranscriptStage, TranscriptStatus } from '../domain/transcript-status.js';

registerEnumType(TranscriptStatus, {
  name: 'TranscriptStatus',
  description: 'QUEUED → PROCESSING → COMPLETED, or FAILED with a reason',
});
registerEnumType(TranscriptStage, {
  name: 'TranscriptStage',
  description: 'Where the speech engine is in a run',
});
registerEnumType(TranscriptFormat, {
  name: 'TranscriptFormat',
  description: 'TXT: timed lines. SRT: SubRip. VTT: WebVTT with <v Speaker> voices. JSON: every segment',
});

export { TranscriptFormat, TranscriptStage, TranscriptStatus };
