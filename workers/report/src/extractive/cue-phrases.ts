import type { ReportLanguage } from '../domain/report-request.js';

const L = '\\p{L}\\p{N}';
/** JavaScript's `\b` knows ASCII only; these boundaries work for Cyrillic too. */
export const phrase = (pattern: string, flags = 'iu') =>
  new RegExp(`(?<![${L}])(?:${pattern})(?![${L}])`, flags);

/** Phrases with which meetings record a decision. */
export const DECISION_CUES: Record<ReportLanguage, RegExp[]> = {
  en: [
    phrase("we(?:'ve| have)?\\s+(?:all\\s+)?(?:decided|agreed|settled on|chose|chosen)"),
    phrase('(?:it\\s+(?:is|was|has been)\\s+)?(?:decided|agreed)\\s+(?:that|to|on)'),
    phrase('(?:the|our|final)\\s+decision\\s+(?:is|was)'),
    phrase('decision\\s*:'),
    phrase("let's\\s+go\\s+(?:with|ahead)"),
    phrase("we(?:'ll| will| are going to|'re going to)\\s+go\\s+(?:with|ahead)"),
    phrase('(?:is|are|was|were|has been|have been)\\s+approved'),
    phrase("we(?:'re| are)\\s+(?:not\\s+)?going\\s+(?:with|ahead)"),
    phrase("(?:so\\s+)?that's\\s+(?:settled|decided|agreed)"),
  ],
  ru: [
    phrase('(?:мы\\s+)?(?:все\\s+)?(?:решили|договорились|постановили|утвердили|согласовали|выбрали)'),
    phrase('(?:было\\s+)?(?:принято|приняли)\\s+решение'),
    phrase('решение\\s+(?:принято|такое)'),
    phrase('решение\\s*:'),
    phrase('решено'),
    phrase('остановились\\s+на'),
    phrase('(?:итак|значит),?\\s+(?:делаем|идём|идем|берём|берем)'),
  ],
};

/** Markers that make a sentence a task whoever says it. */
export const TASK_MARKERS: Record<ReportLanguage, RegExp[]> = {
  en: [
    phrase('action\\s+items?\\s*(?::|for)'),
    phrase('to-?do\\s*:'),
    phrase('(?:is|are)\\s+responsible\\s+for'),
    phrase('(?:assign(?:ed)?|give)\\s+(?:it|this|that)?\\s*to'),
    phrase('(?:task|follow-?up)\\s+for'),
  ],
  ru: [
    phrase('задач[аи]\\s*(?:для\\s+\\p{L}+\\s*)?:'),
    phrase('поручени[ея]'),
    phrase('ответственн(?:ый|ая|ые)'),
    phrase('(?:берёт|берет|возьм[её]т)\\s+на\\s+себя'),
  ],
};

/** Verbs of work someone commits to (English): "Bob will send", "I'll prepare". */
export const EN_TASK_VERBS =
  'send|prepare|write|draft|review|update|check|call|email|e-mail|schedule|fix|finish|complete|share|set up|create|' +
  'organi[sz]e|book|contact|deploy|test|investigate|look into|follow up|deliver|present|submit|order|buy|ship|publish|' +
  'document|migrate|implement|analy[sz]e|compile|collect|reach out|talk to|sync|coordinate|arrange|confirm|invite|' +
  'plan|estimate|hire|interview|run|build|design|clean up|sort out|put together|get|handle|own|take|prepare|research|' +
  'circulate|distribute|finali[sz]e|negotiate|sign|approve|order|upload|record|measure|benchmark|translate|refactor';

/**
 * Russian commitments: a future perfective verb ("подготовит", "отправит", "сделаю"), recognised by
 * its ending, as listing every verb is hopeless. 3rd person: -ит/-ет/-ёт/-ат/-ят/-ут/-ют (+ся); 1st: -ю/-у.
 */
export const RU_THIRD_PERSON_FUTURE = '[\\p{L}]{2,}(?:ит|ет|ёт|ат|ят|ут|ют)(?:ся)?';
export const RU_FIRST_PERSON_FUTURE = '[\\p{L}]{2,}(?:ю|у)(?:сь)?';
/** One word that is a third-person future form (lower case, as a word list gives it). */
export const RU_FUTURE_WORD = new RegExp(`^${RU_THIRD_PERSON_FUTURE}$`, 'u');
/** Verbs of saying and being: "Иван говорит" describes, it promises nothing. */
export const RU_SPEECH =
  /^(?:говор|сказ|счита|дума|зна|хоч|хот|мож|мог|предлага|спрашива|отвеча|работа|понима|помн|вид|люб|слуша|жив|ид[её]т|ест|хвата|кажет|нравит|име)/iu;
/** Perfective prefixes: "подготовит" promises, "говорит" only describes. */
export const RU_PERFECTIVE =
  /^(?:под|подо|при|от|ото|с|со|за|на|вы|пере|про|у|до|раз|рас|об|обо|по|в|во|из|ис|вз|вс|о)\p{L}{3,}/iu;
/** Imperatives addressed to someone: "Иван, подготовь", "Мария, пожалуйста, отправь". */
export const RU_IMPERATIVE = '(?:пожалуйста,?\\s+)?[\\p{L}]{2,}(?:ь|й|и)(?:те)?(?:сь)?';

/** Words that look like names at the start of a sentence but are not people. */
export const NOT_NAMES = new Set(
  (
    "I We You They He She It Let Lets Let's So Then And But Also Okay Ok Yes No The This That These Those Our My " +
    'Everyone Somebody Someone Nobody Team Next First Second Third Finally Great Good Thanks Well Maybe Please ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August ' +
    'September October November December Action Decision Agenda Today Tomorrow ' +
    'Я Мы Вы Ты Он Она Они Оно Это Так Итак Значит Давайте Давай Хорошо Ладно Отлично Спасибо Тогда Потом Сначала ' +
    'Задача Решение Все Всё Кто Что Где Когда Нам Нужно Надо Также Ещё Еще Но И А Да Нет Сегодня Завтра Коллеги ' +
    'Понедельник Вторник Среда Среду Четверг Пятница Пятницу Суббота Субботу Воскресенье Поэтому Кстати Пожалуйста'
  ).split(' '),
);
