/** Who spoke when: a stretch of one speaker's speech. */
export interface SpeakerSpan {
  startMs: number;
  endMs: number;
  speaker: string;
}

export interface DiarizationScore {
  /** (missed + false alarm + confusion) / reference speech, NIST's definition. */
  errorRate: number;
  missedMs: number;
  falseAlarmMs: number;
  confusionMs: number;
  referenceMs: number;
  /** Each reference speaker's best hypothesis speaker (one to one). */
  mapping: Map<string, string>;
}

export interface ScoringOptions {
  /** Time either side of every reference boundary left out of scoring (NIST uses 250 ms). */
  collarMs?: number;
  resolutionMs?: number;
}

/**
 * Diarization error rate of a hypothesis against a reference without overlapping speech, on a
 * 10 ms grid: hypothesis speakers are mapped one to one onto reference speakers to maximise the
 * time they share (the Hungarian method), then every scored frame is correct, missed, a false
 * alarm or a confusion.
 */
export function diarizationErrorRate(
  reference: readonly SpeakerSpan[],
  hypothesis: readonly SpeakerSpan[],
  options: ScoringOptions = {},
): DiarizationScore {
  const step = options.resolutionMs ?? 10;
  const collar = Math.round((options.collarMs ?? 250) / step);
  const end = Math.ceil(
    Math.max(0, ...reference.map((s) => s.endMs), ...hypothesis.map((s) => s.endMs)) / step,
  );
  const refNames = [...new Set(reference.map((s) => s.speaker))];
  const hypNames = [...new Set(hypothesis.map((s) => s.speaker))];
  const refGrid = paint(reference, refNames, end, step);
  const hypGrid = paint(hypothesis, hypNames, end, step);
  const scored = new Uint8Array(end).fill(1);
  for (const span of reference) {
    for (const edge of [Math.round(span.startMs / step), Math.round(span.endMs / step)]) {
      scored.fill(0, Math.max(0, edge - collar), Math.min(end, edge + collar));
    }
  }
  const overlap = refNames.map(() => new Float64Array(hypNames.length));
  for (let f = 0; f < end; f++) {
    if (scored[f] && refGrid[f]! >= 0 && hypGrid[f]! >= 0) overlap[refGrid[f]!]![hypGrid[f]!]! += 1;
  }
  const assigned = maximumMatching(overlap, hypNames.length);
  let missed = 0;
  let falseAlarm = 0;
  let confusion = 0;
  let referenceFrames = 0;
  for (let f = 0; f < end; f++) {
    if (!scored[f]) continue;
    const ref = refGrid[f]!;
    const hyp = hypGrid[f]!;
    if (ref >= 0) referenceFrames += 1;
    if (ref >= 0 && hyp < 0) missed += 1;
    else if (ref < 0 && hyp >= 0) falseAlarm += 1;
    else if (ref >= 0 && hyp >= 0 && assigned[ref] !== hyp) confusion += 1;
  }
  const mapping = new Map<string, string>();
  assigned.forEach((hyp, ref) => {
    if (hyp >= 0) mapping.set(refNames[ref]!, hypNames[hyp]!);
  });
  return {
    errorRate: referenceFrames === 0 ? 0 : (missed + falseAlarm + confusion) / referenceFrames,
    missedMs: missed * step,
    falseAlarmMs: falseAlarm * step,
    confusionMs: confusion * step,
    referenceMs: referenceFrames * step,
    mapping,
  };
}

function paint(spans: readonly SpeakerSpan[], names: string[], frames: number, step: number): Int32Array {
  const grid = new Int32Array(frames).fill(-1);
  for (const span of spans) {
    grid.fill(names.indexOf(span.speaker), Math.round(span.startMs / step), Math.round(span.endMs / step));
  }
  return grid;
}

/**
 * The one-to-one assignment of rows to columns with the largest total weight (Hungarian method on
 * the negated square matrix). @returns the column of each row, -1 when it has none.
 */
function maximumMatching(weights: Float64Array[], columns: number): number[] {
  const n = Math.max(weights.length, columns);
  const cost = (i: number, j: number) => -(weights[i]?.[j] ?? 0);
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const match = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    match[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = match[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const current = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (current < minv[j]!) {
          minv[j] = current;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[match[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (match[j0] !== 0);
    do {
      const j1 = way[j0]!;
      match[j0] = match[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const assigned = Array.from({ length: weights.length }, () => -1);
  for (let j = 1; j <= n; j++) {
    const row = match[j]! - 1;
    if (row >= 0 && row < weights.length && j - 1 < columns && (weights[row]?.[j - 1] ?? 0) > 0) {
      assigned[row] = j - 1;
    }
  }
  return assigned;
}
