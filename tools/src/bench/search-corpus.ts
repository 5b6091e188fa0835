/**
 * A synthetic archive of meeting transcripts for the search benchmark: words drawn with a Zipf
 * distribution from meeting vocabulary (English, and Russian for one meeting in ten, in several
 * word forms so stemming matters), common phrases, and rare names that occur in few passages.
 */

const ENGLISH = `the we to and a of is that it this for on in you be have will with so i our are
project team meeting week next can do not what about need think just budget plan customer data
release time review update issue question get go make should work call follow could product
timeline schedule deadline feature design sprint launch market sales report quarter quarterly goal
priority risk decision action item owner status progress metrics revenue cost hiring interview
candidate offer contract legal partner vendor support ticket bug fix deploy deployment server
database migration security audit compliance training onboarding roadmap strategy vision planning
production products productive productivity process processes problem solution approach option
options proposal estimate estimates scope requirement requirements testing tests feedback users user
research survey analysis analytics dashboard chart numbers forecast target targets growth churn
retention pricing discount invoice payment finance accounting headcount office travel conference
demo presentation slides document documents draft approval approve approved sign agreement renewal
meetings reviewed planned planning releases released launched customers reports reporting discussed
discuss discussion agree agreed concern concerns blocker blockers dependency dependencies handoff`.split(
  /\s+/,
);

const RUSSIAN = `мы и в не на что это по с к вы у нас будет надо нужно встреча встречи встрече встречу
проект проекта проекте проекту бюджет бюджета бюджете план плана планы клиент клиента клиенту
неделе неделю срок сроки задача задачи задачу релиз релиза отчёт отчета команда команды команде
решение решения вопрос вопросы продукт продукта продажи рынок цели приоритет риски договор
договора оплата счёт сервер база данных миграция безопасность обучение дорожная карта стратегия`.split(/\s+/);

const PHRASES_EN = ['next week', 'action items', 'follow up', 'quarterly budget review', 'go to market'];
const PHRASES_RU = ['на следующей неделе', 'план проекта', 'дорожная карта'];
const TITLES = [
  'Weekly sync',
  'Roadmap planning',
  'Customer call',
  'Budget review',
  'Hiring committee',
  'Retro',
];

export const RARE_NAMES = Array.from(
  { length: 100 },
  (_, i) => `kelvar${String.fromCharCode(97 + (i % 26))}${i}`,
);

/** Deterministic: the same archive on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function zipf(words: readonly string[], next: () => number): () => string {
  const weights = words.map((_, rank) => 1 / (rank + 1));
  const cumulative: number[] = [];
  weights.reduce((sum, weight, i) => (cumulative[i] = sum + weight), 0);
  const total = cumulative.at(-1)!;
  return () => {
    const target = next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return words[low]!;
  };
}

export interface CorpusMeeting {
  title: string;
  language: 'en' | 'ru';
  segments: string[];
}

/** Meeting `i` of the archive: `segmentsPerMeeting` passages of 8 to 20 words. */
export function corpusMeeting(
  i: number,
  segmentsPerMeeting: number,
  rareSlots: ReadonlySet<string>,
): CorpusMeeting {
  const next = random(i + 1);
  // One meeting in ten, odd and even ones alike (the benchmark's users see even or low-numbered ones).
  const language = i % 20 === 4 || i % 20 === 13 ? 'ru' : 'en';
  const word = zipf(language === 'ru' ? RUSSIAN : ENGLISH, next);
  const phrases = language === 'ru' ? PHRASES_RU : PHRASES_EN;
  const segments = Array.from({ length: segmentsPerMeeting }, (_, s) => {
    const words = Array.from({ length: 8 + Math.floor(next() * 13) }, word);
    if (next() < 0.1)
      words.splice(Math.floor(next() * words.length), 0, phrases[Math.floor(next() * phrases.length)]!);
    const slot = `${i}:${s}`;
    if (rareSlots.has(slot))
      words.splice(Math.floor(next() * words.length), 0, RARE_NAMES[(i + s) % RARE_NAMES.length]!);
    const text = words.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  });
  return { title: `${TITLES[i % TITLES.length]} ${i}`, language, segments };
}

/** Passages that get a rare name: about `perName` per name, spread over the archive. */
export function rareSlots(meetings: number, segmentsPerMeeting: number, perName: number): Set<string> {
  const next = random(7);
  const slots = new Set<string>();
  while (slots.size < RARE_NAMES.length * perName) {
    slots.add(`${Math.floor(next() * meetings)}:${Math.floor(next() * segmentsPerMeeting)}`);
  }
  return slots;
}
