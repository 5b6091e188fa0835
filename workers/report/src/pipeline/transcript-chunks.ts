import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { Segment } from '../domain/report-request.js';
import type { TranscriptChunk } from './report-analyst.port.js';

/** `[#12 03:15 S1] text`: the index is what items cite, the time and speaker help the reader (and the model). */
export function transcriptLine(segment: Segment): string {
  const speaker = segment.speaker ? ` ${segment.speaker.replace(/[\]\n]/g, ' ')}` : '';
  return `[#${segment.index} ${clock(segment.startMs)}${speaker}] ${segment.text.replace(/\s+/g, ' ').trim()}`;
}

export function clock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

const LINE_INDEX = /^\[#(\d+) /;

/**
 * Splits the transcript with LangChain's recursive splitter on line boundaries, so no chunk exceeds
 * `chunkChars` and no segment is cut (a segment longer than a chunk is split inside, at words).
 * Each chunk knows its segments again from the indexes its lines start with.
 */
export async function chunkTranscript(
  segments: readonly Segment[],
  chunkChars: number,
): Promise<TranscriptChunk[]> {
  const byIndex = new Map(segments.map((segment) => [segment.index, segment]));
  const splitter = new RecursiveCharacterTextSplitter({
    chunkSize: chunkChars,
    chunkOverlap: 0,
    separators: ['\n', '. ', ' ', ''],
    keepSeparator: false,
  });
  const texts = await splitter.splitText(segments.map(transcriptLine).join('\n'));
  let carried: Segment | undefined;
  const chunks = texts.map((text, index) => {
    const own = text
      .split('\n')
      .map((line) => LINE_INDEX.exec(line)?.[1])
      .filter((found): found is string => found !== undefined)
      .map((found) => byIndex.get(Number(found))!);
    // A chunk that starts inside a long segment belongs to that segment too.
    const chunkSegments = own.length > 0 && LINE_INDEX.test(text) ? own : carried ? [carried, ...own] : own;
    carried = chunkSegments.at(-1);
    return { index, total: texts.length, text, segments: chunkSegments };
  });
  return chunks.filter((chunk) => chunk.segments.length > 0);
}

/** Speakers by talk time, most first. */
export function speakersByTalkTime(segments: readonly Segment[]): string[] {
  const talk = new Map<string, number>();
  for (const segment of segments) {
    if (!segment.speaker) continue;
    talk.set(
      segment.speaker,
      (talk.get(segment.speaker) ?? 0) + Math.max(0, segment.endMs - segment.startMs),
    );
  }
  return [...talk.entries()].sort((a, b) => b[1] - a[1]).map(([speaker]) => speaker);
}
