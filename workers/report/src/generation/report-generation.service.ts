import type { JobPayload } from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import { reportLanguage } from '../domain/language.js';
import { ReportError } from '../domain/report-error.js';
import type { ReportEventsPort } from '../events/report-events.port.js';
import type { MeetingParticipantsPort } from '../meeting/meeting-participants.port.js';
import type { ReportPipeline } from '../pipeline/report-pipeline.js';
import type { TranscriptSegmentsPort } from '../transcript/transcript-segments.port.js';

/**
 * One report run: read the transcript's segments, run the pipeline, publish the result. Progress
 * only grows: reading is the first 10 %, the pipeline the rest.
 */
export class ReportGenerationService {
  constructor(
    private readonly segments: TranscriptSegmentsPort,
    private readonly participants: MeetingParticipantsPort,
    private readonly pipeline: ReportPipeline,
    private readonly events: ReportEventsPort,
    private readonly logger: Logger,
  ) {}

  async run(job: JobPayload<'report'>, signal: AbortSignal): Promise<void> {
    const { reportId, meetingId } = job;
    let reached = -1;
    const progress = async (stage: 'READING' | 'ANALYSING' | 'COMBINING' | 'RENDERING', percent: number) => {
      const rounded = Math.floor(percent);
      if (rounded <= reached) return;
      reached = rounded;
      await this.events.progress(meetingId, { reportId, stage, percent: rounded });
    };
    await progress('READING', 0);
    const [segments, participants] = await Promise.all([
      this.segments.readAll(job.transcriptId, signal),
      this.participants.participantsOf(meetingId),
    ]);
    const spoken = segments.filter((segment) => segment.text.trim().length > 0);
    if (spoken.length === 0)
      throw new ReportError('TRANSCRIPT_EMPTY', 'The transcript has no speech to report on.');
    await progress('READING', 10);
    const language = reportLanguage(job.language, spoken);
    const started = Date.now();
    const result = await this.pipeline.generate(
      {
        segments: spoken,
        request: {
          template: job.template,
          instructions: job.instructions?.trim() || null,
          language,
          referenceDate: job.referenceDate ? new Date(job.referenceDate) : new Date(),
          participants,
        },
      },
      { signal, onProgress: (stage, percent) => progress(stage, 10 + percent * 0.9) },
    );
    await this.events.generated(meetingId, { reportId, model: this.pipeline.model, language, result });
    this.logger.info(
      { reportId, segments: spoken.length, ms: Date.now() - started, actionItems: result.actionItems.length },
      'report generated',
    );
  }
}
