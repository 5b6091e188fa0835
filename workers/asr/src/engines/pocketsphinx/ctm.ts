import type { RecognisedWord } from '../speech-engine.port.js';

/**
 * Parses PocketSphinx's CTM output (`<utt> <channel> <start s> <duration s> <word> <confidence>`),
 * grouped by utterance id, with times in milliseconds relative to the utterance. Fillers (`<sil>`,
 * `[NOISE]`) and pronunciation variants (`read(2)`) are cleaned away.
 */
export function parseCtm(text: string): Map<string, RecognisedWord[]> {
  const byUtterance = new Map<string, RecognisedWord[]>();
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) continue;
    const [utterance, , start, duration, rawWord, confidence] = fields as [
      string,
      string,
      string,
      string,
      string,
      string?,
    ];
    const word = rawWord.replace(/\(\d+\)$/, '');
    if (/^[<[]/.test(word) || !Number.isFinite(Number(start))) continue;
    const startMs = Math.round(Number(start) * 1000);
    const words = byUtterance.get(utterance) ?? [];
    words.push({
      word,
      startMs,
      endMs: startMs + Math.round(Number(duration) * 1000),
      confidence: confidence === undefined ? undefined : Math.min(1, Math.max(0, Number(confidence))),
    });
    byUtterance.set(utterance, words);
  }
  return byUtterance;
}
