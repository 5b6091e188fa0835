import assert from 'node:assert/strict';
import { AsrError } from '../domain/asr-error.js';
import { toReportableError } from './asr-job.consumer.js';

describe('toReportableError', () => {
  it('never lets an internal error message (paths) become the reason a user reads', () => {
    const internal = Object.assign(new Error("ENOENT: no such file or directory, mkdtemp '/var/tmp/asr-x'"), {
      code: 'ENOENT',
    });
    const reportable = toReportableError(internal, false);
    assert.ok(reportable instanceof AsrError);
    assert.equal(reportable.message, 'The transcription failed on the worker (an internal error).');
    assert.equal(reportable.retryable, true);
    assert.equal(reportable.cause, internal);
  });

  it("keeps the worker's own readable errors, and names the timeout when the attempt was aborted", () => {
    const own = new AsrError(
      'ENGINE_REJECTED',
      'PocketSphinx has no Russian model: set WHISPER_MODEL or ASR_API_URL.',
    );
    assert.equal(toReportableError(own, false), own);
    const timedOut = toReportableError(new Error('killed'), true) as AsrError;
    assert.equal(timedOut.code, 'ABORTED');
  });
});
