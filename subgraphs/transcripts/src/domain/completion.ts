/**
 * Whether a run the worker reported complete can be sealed: every segment below the reported count
 * must be stored. Segments arrive on their own subject and may be redelivered after the
 * completion, so a shortfall first means "wait"; the sweeper fails the run when the wait runs out.
 */
export function isCompleteSet(reportedCount: number, storedBelowReported: number): boolean {
  return storedBelowReported >= reportedCount;
}

/** Why a run was failed after waiting: which segments never came, in words for the user. */
export function missingSegmentsReason(reportedCount: number, missing: readonly number[]): string {
  const shown = missing.slice(0, 10).join(', ');
  const more = missing.length > 10 ? ` and ${missing.length - 10} more` : '';
  return (
    `Transcription finished with ${reportedCount} segments, but ${missing.length} never arrived ` +
    `(index ${shown}${more}). Run retranscribe to try again.`
  );
}
