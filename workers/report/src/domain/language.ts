import type { ReportLanguage, Segment } from './report-request.js';

/**
 * The report's language: the meeting's when it names one the summariser knows, otherwise the
 * script the transcript is written in (Cyrillic → Russian), otherwise English.
 */
export function reportLanguage(
  declared: string | null | undefined,
  segments: readonly Segment[],
): ReportLanguage {
  const base = declared?.toLowerCase().split(/[-_]/)[0];
  if (base === 'ru' || base === 'en') return base;
  let cyrillic = 0;
  let letters = 0;
  for (const segment of segments.slice(0, 200)) {
    for (const char of segment.text) {
      if (/\p{L}/u.test(char)) letters++;
      if (/\p{Script=Cyrillic}/u.test(char)) cyrillic++;
    }
  }
  return letters > 0 && cyrillic / letters > 0.3 ? 'ru' : 'en';
}
