import assert from 'node:assert/strict';
import { MeetingStatus, initialStatus, statusAfterEvent } from './meeting-status.js';

describe('meeting status', () => {
  const now = new Date('2026-11-28T12:00:00Z');

  it('starts SCHEDULED for a future time, AWAITING_MEDIA otherwise', () => {
    assert.equal(initialStatus(new Date('2026-12-01T09:00:00Z'), now), MeetingStatus.SCHEDULED);
    assert.equal(initialStatus(new Date('2026-11-01T09:00:00Z'), now), MeetingStatus.AWAITING_MEDIA);
    assert.equal(initialStatus(undefined, now), MeetingStatus.AWAITING_MEDIA);
  });

  it('follows the pipeline: media → processing → transcribed → ready', () => {
    assert.deepEqual(statusAfterEvent(MeetingStatus.AWAITING_MEDIA, 'media.ready'), {
      status: MeetingStatus.PROCESSING,
      failureReason: null,
    });
    assert.equal(
      statusAfterEvent(MeetingStatus.PROCESSING, 'transcript.completed')?.status,
      MeetingStatus.TRANSCRIBED,
    );
    assert.equal(
      statusAfterEvent(MeetingStatus.TRANSCRIBED, 'report.completed')?.status,
      MeetingStatus.READY,
    );
  });

  it('records the reason of a failed transcription', () => {
    assert.deepEqual(statusAfterEvent(MeetingStatus.PROCESSING, 'transcript.failed', 'no speech found'), {
      status: MeetingStatus.FAILED,
      failureReason: 'no speech found',
    });
  });

  it('keeps a READY meeting READY when a late transcript or failed report arrives', () => {
    assert.equal(statusAfterEvent(MeetingStatus.READY, 'transcript.completed'), undefined);
    assert.equal(
      statusAfterEvent(MeetingStatus.READY, 'report.failed', 'llm down')?.status,
      MeetingStatus.READY,
    );
  });

  it('ignores events that do not move meetings', () => {
    assert.equal(statusAfterEvent(MeetingStatus.PROCESSING, 'transcript.segment'), undefined);
  });
});
