import type { Participant } from '../domain/report-request.js';
import { isCommonFirstName } from './first-names.js';

interface Person {
  display: string;
  /** The name's words, lower case ("carol", "jones"). */
  words: string[];
  /** The same words in a script-neutral spelling, so "борис" meets "boris". */
  skeletons: string[];
  cyrillic: boolean;
}

/** Diarizer labels (S1, Speaker 2, Спикер 3) name a voice, not a person. */
const VOICE_LABEL = /^(?:s|spk|speaker|спикер|говорящий|участник|unknown)[\s_-]*\d*$/iu;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * The people a meeting knows by name: its participants (their names, else their e-mail address's
 * local part, "carol.jones@" → Carol Jones) and its named speakers. Words of a transcript written
 * without capitals are matched against them case-insensitively, across Cyrillic and Latin spelling.
 */
export class People {
  private readonly seen = new Map<string, string | null>();

  private constructor(private readonly people: readonly Person[]) {}

  static of(participants: readonly Participant[] = [], speakers: readonly string[] = []): People {
    const people: Person[] = [];
    const add = (display: string) => {
      const words = nameWords(display);
      if (words.length === 0) return;
      const shown = words.map(capitalise).join(' ');
      if (people.some((person) => person.display.toLowerCase() === shown.toLowerCase())) return;
      people.push({ display: shown, words, skeletons: words.map(skeleton), cyrillic: CYRILLIC.test(shown) });
    };
    for (const speaker of speakers) if (!VOICE_LABEL.test(speaker.trim())) add(speaker);
    for (const participant of participants) {
      if (participant.name?.trim()) add(participant.name);
      else if (participant.email) add(localPart(participant.email));
    }
    return new People(people);
  }

  /** The person a word of the transcript names, shown as the report should show them; null when none. */
  known(word: string): string | null {
    if (this.people.length === 0) return null;
    // Every word of a transcript is asked about, most of them many times.
    const cached = this.seen.get(word);
    if (cached !== undefined) return cached;
    const found = this.lookUp(word);
    this.seen.set(word, found);
    return found;
  }

  private lookUp(word: string): string | null {
    const lower = word.toLowerCase();
    let found = this.people.filter((person) => person.words.includes(lower));
    if (found.length === 0 && lower.length >= 3) {
      const form = skeleton(lower);
      found = this.people.filter((person) => person.skeletons.includes(form));
    }
    if (found.length === 0) return null;
    const person = found[0]!;
    // Two Annas, or an address spelt in another script than the name was said in: the word as said.
    if (found.length > 1 || person.cyrillic !== CYRILLIC.test(word)) return capitalise(lower);
    return person.display;
  }

  /** Whether a lower-case word names someone: a person of this meeting or a common first name. */
  isName(word: string): boolean {
    return this.known(word) !== null || isCommonFirstName(word.toLowerCase());
  }

  /** Whether `next` is the rest of the name `first` began ("carol" "jones"). */
  continues(first: string, next: string): boolean {
    const a = first.toLowerCase();
    const b = next.toLowerCase();
    return this.people.some((person) => {
      const at = person.words.indexOf(a);
      return at >= 0 && person.words[at + 1] === b;
    });
  }

  /** The owner a name as said stands for: the known person, else the words capitalised. */
  display(said: string): string {
    const words = said.split(/\s+/).filter(Boolean);
    const person = words.length > 0 ? this.known(words[0]!) : null;
    return person ?? words.map((word) => capitalise(word.toLowerCase())).join(' ');
  }

  /** Every word that names a known person, lower case: the report capitalises them. */
  names(): Set<string> {
    return new Set(this.people.flatMap((person) => person.words));
  }
}

function localPart(email: string): string {
  return email
    .split('@')[0]!
    .split('+')[0]!
    .replace(/[._-]+/g, ' ');
}

function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^\p{L}'-]+/u)
    .map((word) => word.replace(/^['-]+|['-]+$/g, ''))
    .filter((word) => word.length >= 2);
}

export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'i',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/**
 * A spelling both scripts reduce to: Cyrillic transliterated, then the usual Latin variants folded
 * (Dmitry/Dmitriy/Дмитрий → dmitri, Yulia/Julia/Юлия → iulia, Alexey/Алексей → aleksei).
 */
function skeleton(word: string): string {
  return [...word.toLowerCase()]
    .map((char) => LATIN[char] ?? char)
    .join('')
    .replace(/shch|sch/g, 'sh')
    .replace(/kh/g, 'h')
    .replace(/ts/g, 'c')
    .replace(/x/g, 'ks')
    .replace(/ph/g, 'f')
    .replace(/yo/g, 'e')
    .replace(/[yj]/g, 'i')
    .replace(/w/g, 'v')
    .replace(/q/g, 'k')
    .replace(/[^a-z]/g, '')
    .replace(/(.)\1+/g, '$1');
}
