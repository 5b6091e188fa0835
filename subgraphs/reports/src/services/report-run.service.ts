import type { AuthenticatedUser } from '@mymeet/auth';
import type { EventEnvelope } from '@mymeet/contracts';
import type { MeetingAccessRepository, MeetingAccessService } from '@mymeet/meeting-access';
import { ReportsError, ReportsErrorCode } from '../domain/reports-error.js';
import { REPORT_POLICY, ReportTemplate, ReportTrigger } from '../domain/report-vocabulary.js';
import { MeetingTranscriptEntity } from '../entities/meeting-transcript.entity.js';
import { ReportEntity } from '../entities/report.entity.js';
import type { ReportRepository } from '../repositories/report.repository.js';

/**
 * Starts report runs: automatically when a transcript is ready, and on `generateReport`. Each run
 * is a new version (older ones stay), created with its `report.queued` event and its `jobs.report`
 * job in one transaction. The job names the transcript; the worker reads the segments itself.
 */
export class ReportRunService {
  constructor(
    private readonly reports: ReportRepository,
    private readonly access: MeetingAccessService,
    private readonly meetings: MeetingAccessRepository,
  ) {}

  /** Inside the event's transaction: remember the transcript, and queue the meeting's SUMMARY report once. */
  async onTranscriptReady(event: EventEnvelope<'transcript.ready'>): Promise<ReportEntity | null> {
    const { transcriptId, segmentCount, wordCount } = event.payload;
    await this.reports.rememberTranscript(
      Object.assign(new MeetingTranscriptEntity(), {
        transcriptId,
        meetingId: event.meetingId,
        readyAt: new Date(event.occurredAt),
        segmentCount,
        wordCount,
      }),
    );
    // Unknown means its meeting.created has not arrived yet; only a deleted meeting gets no report.
    const meeting = await this.meetings.findByMeetingId(event.meetingId);
    if (meeting?.deleted) return null;
    // Under the meeting's lock, so a concurrent delivery of the same event waits and then sees the report.
    const { version, count } = await this.reports.nextVersion(event.meetingId);
    if (await this.reports.findAutomaticFor(transcriptId)) return null;
    if (count >= REPORT_POLICY.maxReportsPerMeeting) return null;
    return this.queue({
      meetingId: event.meetingId,
      transcriptId,
      version,
      template: ReportTemplate.SUMMARY,
      instructions: null,
      trigger: ReportTrigger.AUTO,
      requestedBy: null,
      language: meeting?.language ?? null,
      referenceDate: new Date(event.occurredAt),
    });
  }

  /** `generateReport`: a new version from the meeting's newest transcript; the meeting owner only. */
  async generate(
    user: AuthenticatedUser,
    meetingId: string,
    template: ReportTemplate,
    instructions: string | null | undefined,
  ): Promise<ReportEntity> {
    const meeting = await this.access.requireModifiable(
      user,
      meetingId,
      'Only the meeting owner can generate reports',
    );
    const cleaned = instructions?.trim() || null;
    if (cleaned && cleaned.length > REPORT_POLICY.maxInstructionsChars)
      throw ReportsError.invalidInput(
        'instructions',
        `Instructions are limited to ${REPORT_POLICY.maxInstructionsChars} characters`,
      );
    const transcript = await this.reports.latestTranscript(meetingId);
    if (!transcript)
      throw new ReportsError(
        ReportsErrorCode.NO_TRANSCRIPT,
        'The meeting has no completed transcript to report on yet',
        {
          field: 'meetingId',
        },
      );
    return this.reports.inTransaction(async (reports) => {
      const { version, count } = await reports.nextVersion(meetingId);
      if (count >= REPORT_POLICY.maxReportsPerMeeting)
        throw new ReportsError(
          ReportsErrorCode.TOO_MANY_REPORTS,
          `A meeting keeps at most ${REPORT_POLICY.maxReportsPerMeeting} reports`,
          { field: 'meetingId' },
        );
      return new ReportRunService(reports, this.access, this.meetings).queue({
        meetingId,
        transcriptId: transcript.transcriptId,
        version,
        template,
        instructions: cleaned,
        trigger: ReportTrigger.REQUESTED,
        requestedBy: user.sub,
        language: meeting.language,
        referenceDate: transcript.readyAt,
      });
    });
  }

  private queue(run: {
    meetingId: string;
    transcriptId: string;
    version: number;
    template: ReportTemplate;
    instructions: string | null;
    trigger: ReportTrigger;
    requestedBy: string | null;
    language: string | null;
    referenceDate: Date;
  }): ReportEntity {
    const { language, referenceDate, ...fields } = run;
    const report = Object.assign(new ReportEntity(), fields);
    this.reports.add(report);
    this.reports.stageEvent('report.queued', run.meetingId, { reportId: report.id });
    this.reports.stageJob(
      'report',
      {
        reportId: report.id,
        meetingId: run.meetingId,
        transcriptId: run.transcriptId,
        template: run.template,
        instructions: run.instructions,
        language,
        referenceDate: referenceDate.toISOString(),
      },
      report.id,
    );
    return report;
  }
}
