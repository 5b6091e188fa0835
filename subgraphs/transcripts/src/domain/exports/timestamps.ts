function parts(ms: number): { h: string; m: string; s: string; ms: string } {
  const total = Math.max(0, Math.round(ms));
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return {
    h: pad(Math.floor(total / 3_600_000)),
    m: pad(Math.floor(total / 60_000) % 60),
    s: pad(Math.floor(total / 1000) % 60),
    ms: pad(total % 1000, 3),
  };
}

/** `01:02:03,456` (SubRip). */
export function srtTimestamp(ms: number): string {
  const p = parts(ms);
  return `${p.h}:${p.m}:${p.s},${p.ms}`;
}

/** `01:02:03.456` (WebVTT). */
export function vttTimestamp(ms: number): string {
  const p = parts(ms);
  return `${p.h}:${p.m}:${p.s}.${p.ms}`;
}

/** `01:02:03` for reading. */
export function clockTimestamp(ms: number): string {
  const p = parts(ms);
  return `${p.h}:${p.m}:${p.s}`;
}
