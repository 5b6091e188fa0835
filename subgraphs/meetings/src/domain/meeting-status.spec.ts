import assert from 'node:assert/strict';
import { MeetingStatus, initialStatus, stateAfterEvent, type PipelineState } from './meeting-status.js';

describe('meeting status', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  const runA = '00000000-0000-4000-8000-00000000000a';
  const runB = '00000000-0000-4000-8000-00000000000b';
  const fresh: PipelineState = {
    status: MeetingStatus.AWAITING_MEDIA,
    failureReason: null,
    currentTranscriptId: null,
    currentReportId: null,
  };

  it('starts SCHEDULED for a future time, AWAITING_MEDIA otherwise', () => {
    assert.equal(initialStatus(new Date('2026-12-01T09:00:00Z'), now), MeetingStatus.SCHEDULED);
    assert.equal(initialStatus(new Date('2026-11-01T09:00:00Z'), now), MeetingStatus.AWAITING_MEDIA);
    assert.equal(initialStatus(undefined, now), MeetingStatus.AWAITING_MEDIA);
  });

  it('follows the pipeline: media → processing → transcribed → ready', () => {
    const processing = stateAfterEvent(fresh, { kind: 'media.ready', payload: { transcriptId: runA } })!;
    assert.deepEqual(processing, { ...fresh, status: MeetingStatus.PROCESSING, currentTranscriptId: runA });
    const transcribed = stateAfterEvent(processing, {
      kind: 'transcript.ready',
      payload: { transcriptId: runA },
    })!;
    assert.equal(transcribed.status, MeetingStatus.TRANSCRIBED);
    const ready = stateAfterEvent(transcribed, { kind: 'report.completed', payload: { reportId: runB } });
    assert.equal(ready?.status, MeetingStatus.READY);
  });

  it('records the reason of a failed transcription of the current run', () => {
    const processing = { ...fresh, status: MeetingStatus.PROCESSING, currentTranscriptId: runA };
    assert.deepEqual(
      stateAfterEvent(processing, {
        kind: 'transcript.failed',
        payload: { transcriptId: runA, reason: 'no speech found' },
      }),
      { ...processing, status: MeetingStatus.FAILED, failureReason: 'no speech found' },
    );
  });

  it('keeps a failure that overtook its run start: the late media.ready does not move the meeting back', () => {
    const failed = stateAfterEvent(fresh, {
      kind: 'transcript.failed',
      payload: { transcriptId: runA, reason: 'corrupt file' },
    })!;
    assert.equal(failed.status, MeetingStatus.FAILED);
    assert.equal(
      stateAfterEvent(failed, { kind: 'media.ready', payload: { transcriptId: runA } }),
      undefined,
    );
    // A new recording is a new run and starts over.
    assert.equal(
      stateAfterEvent(failed, { kind: 'media.ready', payload: { transcriptId: runB } })?.status,
      MeetingStatus.PROCESSING,
    );
  });

  it('ignores the events of a superseded run', () => {
    const rerun = { ...fresh, status: MeetingStatus.PROCESSING, currentTranscriptId: runB };
    assert.equal(
      stateAfterEvent(rerun, { kind: 'transcript.failed', payload: { transcriptId: runA, reason: 'old' } }),
      undefined,
    );
    assert.equal(
      stateAfterEvent(rerun, { kind: 'transcript.ready', payload: { transcriptId: runA } }),
      undefined,
    );
    const reporting = { ...fresh, status: MeetingStatus.TRANSCRIBED, currentReportId: runB };
    assert.equal(
      stateAfterEvent(reporting, { kind: 'report.completed', payload: { reportId: runA } }),
      undefined,
    );
  });

  it('keeps a READY meeting READY when a late transcript or failed report arrives', () => {
    const ready = { ...fresh, status: MeetingStatus.READY, currentTranscriptId: runA };
    assert.equal(
      stateAfterEvent(ready, { kind: 'transcript.ready', payload: { transcriptId: runA } }),
      undefined,
    );
    assert.equal(
      stateAfterEvent(ready, { kind: 'report.failed', payload: { reportId: runB, reason: 'llm down' } })
        ?.status,
      MeetingStatus.READY,
    );
  });

  it('ignores events that do not move meetings', () => {
    assert.equal(stateAfterEvent(fresh, { kind: 'transcript.segment', payload: {} }), undefined);
  });
});
