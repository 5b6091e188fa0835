import type { ReportLanguage } from '../domain/report-request.js';
import { RU_FIRST_PERSON_FUTURE } from './cue-phrases.js';
import type { People } from './people.js';
import { commitmentAt } from './spoken-commitment.js';

/** Pieces still longer than this after cutting at cues are cut every so many words. */
const MAX_CLAUSE_WORDS = 30;
/** "for the marketing budget" before "we agreed…" is the decision's topic, not a clause of its own. */
const TOPIC_LEAD_WORDS = 6;

const END = "(?![\\p{L}'])";
const anchored = (patterns: string[]) => patterns.map((pattern) => new RegExp(`^(?:${pattern})${END}`, 'u'));

/**
 * Words that start a new clause in speech written without punctuation: decisions, proposals,
 * thanks and greetings, "let us", "I will", requests and questions.
 */
const OPENERS: Record<ReportLanguage, RegExp[]> = {
  en: anchored([
    "we(?:'ve| have)?(?: all)? (?:decided|agreed|settled on|chose|have chosen|are going with|will go with)",
    '(?:the|our|final) decision (?:is|was)',
    'it (?:is|was|has been) (?:decided|agreed)',
    "let(?:'s| us)(?! know)",
    'let me',
    'thanks|thank you',
    'good (?:morning|afternoon|evening)',
    "i(?:'ll| will| am going to|'m going to| can| think| propose| suggest| would suggest| guess| agree)",
    '(?:can|could|would|will) you',
    '(?:what|how) about',
    '(?:who|when|where|why|how) (?:will|can|should|do|does|did|is|are|would)',
    '(?:do|does|should|shall|can|could|are|will) we',
    'is there|are there',
  ]),
  ru: anchored([
    '(?:мы )?(?:все )?(?:решили|договорились|постановили|утвердили|согласовали)',
    '(?:было )?принято решение',
    'решено',
    'давай(?:те)?',
    'спасибо',
    'доброе утро|добрый (?:день|вечер)|всем привет',
    `я (?:думаю|предлагаю|считаю|могу|${RU_FIRST_PERSON_FUTURE})`,
    '(?:ты )?(?:можешь|сможешь|возьм[её]шь)|можете|сможете',
    '(?:а )?(?:как насч[её]т|что (?:по|с|насч[её]т))',
    '(?:кто|когда|где|почему|зачем)',
  ]),
};

const TOPIC_LEAD: Record<ReportLanguage, RegExp> = {
  en: /^(?:for|about|regarding|concerning|as for|as to|on)$/u,
  ru: /^(?:по|насчёт|насчет|о|об|про|касательно)$/u,
};

/** Words a clause cut at a pause can end on mid-thought ("…the release notes that there is a"). */
const DANGLING: Record<ReportLanguage, Set<string>> = {
  en: new Set(
    'a an the to of for and or but with in on at by from if so because than that there is are was were it this be um uh'.split(
      ' ',
    ),
  ),
  ru: new Set(
    'и а но или что чтобы потому поэтому в во на с со к ко по о об от до из за для у при про без это вот ну'.split(
      ' ',
    ),
  ),
};
const DANGLING_TRIGGER: Record<ReportLanguage, Set<string>> = {
  en: new Set('a an the to of for and or but with in on at by from if so because than um uh'.split(' ')),
  ru: new Set(
    'и а но или что чтобы потому поэтому в во на с со к ко по о об от до из за для у при про без ну'.split(
      ' ',
    ),
  ),
};

/**
 * Cuts a segment written without punctuation (PocketSphinx's lowercase words, one run per pause)
 * into clauses: before a cue that opens one ("we decided", "let us", "thanks", "bob will",
 * "i will", "can you", "what about"; "мы решили", "давайте", "борис отправит"). A short topic lead
 * stays with the clause it introduces; words a clause trails off on are dropped.
 */
export function splitClauses(text: string, language: ReportLanguage, people: People): string[] {
  const tokens = text.split(/\s+/).filter(Boolean);
  const lower = tokens.map((token) => token.toLowerCase().replace(/’/g, "'"));
  const starts = [0];
  // A cue spans words ("carol can you", "мы решили"): none of them opens another clause.
  let openUntil = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i < openUntil) continue;
    const span = openerSpan(lower, i, language, people);
    if (span === 0) continue;
    if (i > 0) starts.push(i);
    openUntil = i + span;
  }
  const clauses = starts.map((start, k) => ({
    tokens: tokens.slice(start, starts[k + 1] ?? tokens.length),
    lower: lower.slice(start, starts[k + 1] ?? tokens.length),
  }));
  const merged: Array<{ tokens: string[]; lower: string[] }> = [];
  for (let k = 0; k < clauses.length; k++) {
    const clause = clauses[k]!;
    const next = clauses[k + 1];
    const topicLead =
      next && clause.lower.length <= TOPIC_LEAD_WORDS && TOPIC_LEAD[language].test(clause.lower[0]!);
    if (topicLead) {
      next.tokens = [...clause.tokens, ...next.tokens];
      next.lower = [...clause.lower, ...next.lower];
    } else merged.push(clause);
  }
  return merged
    .map((clause) => trimDangling(clause.tokens, clause.lower, language))
    .filter((clause) => clause.length > 0)
    .flatMap((clause) => cutLong(clause))
    .map((clause) => clause.join(' '));
}

/** How many words the cue opening a clause at `at` spans (0: none opens there). */
function openerSpan(lower: readonly string[], at: number, language: ReportLanguage, people: People): number {
  const rest = lower.slice(at, at + 6).join(' ');
  for (const opener of OPENERS[language]) {
    const match = opener.exec(rest);
    if (match) return match[0].split(' ').length;
  }
  const commitment = commitmentAt(lower, at, language, people);
  return commitment ? commitment.end - at : 0;
}

function trimDangling(tokens: string[], lower: string[], language: ReportLanguage): string[] {
  let end = tokens.length;
  if (!DANGLING_TRIGGER[language].has(lower[end - 1]!)) return tokens;
  while (end > 1 && DANGLING[language].has(lower[end - 1]!)) end--;
  return tokens.slice(0, end);
}

function cutLong(tokens: string[]): string[][] {
  if (tokens.length <= MAX_CLAUSE_WORDS) return [tokens];
  const pieces: string[][] = [];
  for (let i = 0; i < tokens.length; i += MAX_CLAUSE_WORDS)
    pieces.push(tokens.slice(i, i + MAX_CLAUSE_WORDS));
  return pieces;
}
