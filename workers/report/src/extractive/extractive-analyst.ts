import { findDueDate } from '../domain/due-date.js';
import type { ReportLanguage } from '../domain/report-request.js';
import type { AnalysisContext, ReportAnalyst, TranscriptChunk } from '../pipeline/report-analyst.port.js';
import type { ActionNote, ChunkNotes, CitedNote, ReportDraft } from '../pipeline/report-schemas.js';
import { People } from './people.js';
import { presentSentence } from './sentence-form.js';
import { splitSentences, type Sentence } from './sentences.js';
import { detectTask, isDecision } from './task-detector.js';
import { pickDiverse, similarity, textRank } from './textrank.js';
import { chunkTopics } from './topics.js';
import { contentTerms } from './tokens.js';

/** Chunks this size keep TextRank's sentence graph small (it grows with the square of a chunk's sentences). */
const CHUNK_CHARS = 12_000;
const KEY_POINTS_PER_CHUNK = 8;

/**
 * The offline default: extractive, no network and no model. The map step ranks a chunk's sentences
 * with TextRank and finds decisions and tasks by cue phrases (owners from names and speakers, due
 * dates from the words); the reduce step picks a diverse summary and key points across chunks and
 * merges repeated items. It fills the same draft schema as a language model.
 */
export class ExtractiveAnalyst implements ReportAnalyst {
  readonly model = 'extractive-textrank';
  readonly chunkChars = CHUNK_CHARS;

  async analyseChunk(chunk: TranscriptChunk, context: AnalysisContext): Promise<ChunkNotes> {
    const { language, instructions, referenceDate, participants } = context.request;
    const people = People.of(participants, context.speakers);
    const sentences = splitSentences(chunk.segments, language, people);
    const cited = (sentence: Sentence, weight: number): CitedNote => ({
      text: presentSentence(sentence.text, language, people),
      segments: [...sentence.segments],
      weight,
    });
    const focus = new Set(instructions ? contentTerms(instructions, language) : []);
    const scores = textRank(sentences).map((score, i) => score * emphasis(sentences[i]!, language, focus));
    const ranked = sentences.map((item, i) => ({ item, score: scores[i]! }));
    const scoreOf = new Map(ranked.map(({ item, score }) => [item, score]));
    const keyPoints = pickDiverse(
      ranked.filter(({ item }) => item.terms.length >= 3),
      KEY_POINTS_PER_CHUNK,
    ).map((sentence) => cited(sentence, scoreOf.get(sentence)!));
    const decisions: CitedNote[] = [];
    const actionItems: ActionNote[] = [];
    for (const sentence of sentences) {
      if (isDecision(sentence.text, language)) decisions.push(cited(sentence, 1));
      const due = findDueDate(sentence.text, language, referenceDate);
      const task = detectTask(sentence.text, language, { speaker: sentence.speaker, due, people });
      if (task) {
        actionItems.push({
          text: presentSentence(sentence.text, language, people),
          owner: task.owner,
          due: due?.text ?? null,
          segments: [...sentence.segments],
        });
      }
    }
    return {
      summary: keyPoints
        .slice(0, 2)
        .map((point) => point.text)
        .join(' '),
      keyPoints,
      decisions,
      actionItems,
      topics: chunkTopics(sentences, language, 12),
    };
  }

  async combine(notes: ChunkNotes[], context: AnalysisContext): Promise<ReportDraft> {
    const { language, template } = context.request;
    const candidates = notes.flatMap((note) =>
      note.keyPoints.map((point) => ({
        item: { ...point, terms: contentTerms(point.text, language) },
        score: point.weight ?? 1,
      })),
    );
    const total = candidates.length;
    // A short meeting's summary is its few most central points, never the whole of it again.
    const summaryCount = Math.min(
      template === 'ACTION_ITEMS' ? 2 : clamp(Math.round(2 + Math.sqrt(total) / 2), 3, 10),
      Math.max(1, Math.ceil(total / 2)),
    );
    const summary = chronological(pickDiverse(candidates, summaryCount, 0.75));
    const rest = candidates.filter(({ item }) => !summary.includes(item));
    const keyPoints = chronological(pickDiverse(rest, clamp(Math.ceil(total / 6), 3, 12), 0.5));
    const topics = mergeTopics(
      notes.flatMap((note) => note.topics),
      language,
      clamp(3 + notes.length, 4, 10),
    );
    return {
      summary: summary.map((point) => point.text).join(' '),
      summarySegments: summary.flatMap((point) => point.segments),
      keyPoints: keyPoints.map(({ text, segments }) => ({ text, segments })),
      decisions: merge(
        notes.flatMap((note) => note.decisions),
        language,
      ),
      actionItems: merge(
        notes.flatMap((note) => note.actionItems),
        language,
      ),
      topics,
      attendees: [],
      agenda: [...topics].sort((a, b) => a.segments[0]! - b.segments[0]!).map((topic) => topic.text),
    };
  }
}

/** Decisions and sentences the user asked about rank higher; fragments and rambling rank lower. */
function emphasis(sentence: Sentence, language: ReportLanguage, focus: ReadonlySet<string>): number {
  let factor = 1;
  if (isDecision(sentence.text, language)) factor *= 1.5;
  if (focus.size > 0 && sentence.terms.some((term) => focus.has(term))) factor *= 1.6;
  if (sentence.terms.length < 3) factor *= 0.3;
  if (sentence.terms.length > 40) factor *= 0.7;
  return factor;
}

/** Items said twice (in two chunks, or repeated) become one, citing both moments. */
function merge<T extends { text: string; segments: number[]; owner?: string | null; due?: string | null }>(
  items: readonly T[],
  language: ReportLanguage,
): T[] {
  const kept: Array<T & { terms: string[] }> = [];
  for (const item of items) {
    const terms = contentTerms(item.text, language);
    const twin = kept.find((other) => similarity(other.terms, terms) >= 0.6);
    if (!twin) {
      kept.push({ ...item, terms, segments: [...item.segments] });
      continue;
    }
    twin.segments = [...new Set([...twin.segments, ...item.segments])];
    if (!twin.owner && item.owner) twin.owner = item.owner;
    if (!twin.due && item.due) twin.due = item.due;
  }
  return kept.map(({ terms: _terms, ...item }) => item as unknown as T);
}

function mergeTopics(topics: readonly CitedNote[], language: ReportLanguage, max: number): CitedNote[] {
  const byKey = new Map<string, CitedNote & { weight: number }>();
  for (const topic of topics) {
    const key = contentTerms(topic.text, language).join(' ') || topic.text.toLowerCase();
    const known = byKey.get(key);
    if (known) {
      known.weight += topic.weight ?? 1;
      known.segments = [...known.segments, ...topic.segments];
    } else byKey.set(key, { ...topic, weight: topic.weight ?? 1, segments: [...topic.segments] });
  }
  const ranked = [...byKey.values()].sort((a, b) => b.weight - a.weight);
  const chosen: CitedNote[] = [];
  for (const topic of ranked) {
    if (chosen.length >= max) break;
    const words = topic.text.toLowerCase().split(' ');
    // "budget" adds nothing beside "marketing budget".
    if (
      chosen.some((other) =>
        other.text
          .toLowerCase()
          .split(' ')
          .some((word) => words.includes(word)),
      )
    )
      continue;
    chosen.push({ text: topic.text, segments: spread(topic.segments, 5) });
  }
  return chosen;
}

/** Up to `count` moments spread over the meeting, not the first few. */
function spread(segments: readonly number[], count: number): number[] {
  const sorted = [...new Set(segments)].sort((a, b) => a - b);
  if (sorted.length <= count) return sorted;
  return Array.from(
    { length: count },
    (_, i) => sorted[Math.floor((i * (sorted.length - 1)) / (count - 1))]!,
  );
}

function chronological<T extends { segments: number[] }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.segments[0]! - b.segments[0]!);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
