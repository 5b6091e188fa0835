import type { ReportLanguage } from '../domain/report-request.js';
import { isStopword } from './stopwords.js';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Words of a text as written, in order. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Content words reduced to a rough stem, so "decided"/"decision" or "отчёт"/"отчёта" count as one. */
export function contentTerms(text: string, language: ReportLanguage): string[] {
  const terms: string[] = [];
  for (const word of words(text)) {
    const lower = word.toLowerCase().replace(/’/g, "'").replace(/ё/g, 'е');
    if (lower.length < 2 || isStopword(lower, language) || /^\d+$/.test(lower)) continue;
    terms.push(stem(lower));
  }
  return terms;
}

const EN_SUFFIXES = [
  'ational',
  'ations',
  'ation',
  'ements',
  'ement',
  'ments',
  'ment',
  'ings',
  'ing',
  'edly',
  'ies',
  'ied',
  'ed',
  'es',
  'ly',
  's',
];
const RU_SUFFIXES = [
  'иями',
  'ями',
  'ами',
  'ией',
  'иям',
  'ием',
  'иях',
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'ешь',
  'ете',
  'ует',
  'уют',
  'ают',
  'яют',
  'ает',
  'яет',
  'ите',
  'ить',
  'ать',
  'ять',
  'еть',
  'ила',
  'ило',
  'или',
  'ала',
  'али',
  'ит',
  'ят',
  'ат',
  'ут',
  'ют',
  'ет',
  'ем',
  'им',
  'ом',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ый',
  'ий',
  'ой',
  'ую',
  'юю',
  'ах',
  'ях',
  'ов',
  'ев',
  'ей',
  'ам',
  'ям',
  'ия',
  'ть',
  'ти',
  'ла',
  'ли',
  'а',
  'я',
  'о',
  'е',
  'ы',
  'и',
  'у',
  'ю',
  'ь',
  'й',
];

/** A light suffix stripper (one suffix, stems of at least 3 letters): enough to compare sentences. */
export function stem(word: string): string {
  const suffixes = /\p{Script=Cyrillic}/u.test(word) ? RU_SUFFIXES : EN_SUFFIXES;
  const base = word.endsWith("'s") ? word.slice(0, -2) : word;
  for (const suffix of suffixes) {
    if (base.length - suffix.length >= 3 && base.endsWith(suffix)) return base.slice(0, -suffix.length);
  }
  return base;
}
