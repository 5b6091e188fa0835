import type { ReportLanguage } from '../domain/report-request.js';

/**
 * Common first names, for transcripts without capitals when the job knows no participant by that
 * name: "thanks bob will update" names Bob only if "bob" is known to be a name. Words that are
 * mostly something else ("will", "may", "bill", "mark", "надежда") are left out on purpose.
 */
const EN = `aaron adam adrian alan albert alex alexander alice alicia amanda amber amy andrea andrew andy angela anna
anne anthony ben benjamin beth betty bob bobby brandon brian bruce carl carla carlos carol caroline catherine charles
charlie chloe chris christina christine christopher claire craig dan daniel dave david dennis diana diane donna doug
ed edward elena eli elizabeth ellen emily emma eric erin ethan eva eve evelyn fiona frank fred gary george gina
grace greg hannah harry heather helen henry ian irene isaac isabel jack jacob james jamie jane janet jason jeff
jennifer jenny jeremy jessica jim joe joel john jon jonathan jordan jose joseph josh joshua judy julia julie justin
karen kate katie keith kelly kevin kim kyle larry laura lauren leo linda lisa liz louis lucas lucy luke maria marie
martin mary matt matthew megan melissa michael michelle mike monica nancy natalie nathan nick nicole noah olga
oliver olivia oscar pablo pam patrick paul peter phil priya rachel raj rebecca richard rick robert ryan sam samuel
sandra sara sarah scott sean simon sophia sophie stephen steve steven susan tanya thomas tim timothy tina tom tony
tyler vera victor victoria vincent walter wendy william zoe agnes boris denis doris douglas iris marcus nicholas
alexei alexey andrei andrey anastasia dmitri dmitry ekaterina igor ivan katya mikhail misha natasha nikolai oleg pavel
sasha sergei sergey svetlana tatiana vladimir yulia yuri`;

const RU = `александр александра алексей алёша алеша алина алла анастасия анатолий андрей анна антон аня арина
арсений артём артем богдан борис боря вадим валентин валентина валерий варвара василий вася вера вероника виктор
виктория вика виталий влад владимир владислав володя вова галина геннадий георгий глеб григорий даниил данила дарья
даша денис диана дима дмитрий евгений евгения егор екатерина елена елизавета жанна женя зоя иван ваня игорь илья
инна ирина ира кирилл константин костя кристина ксения лариса лена леонид лёша лида лиза людмила маргарита марина
мария маша максим матвей миша михаил надя настя наталья наталия наташа никита николай нина коля оксана олег ольга
оля павел паша пётр петр петя полина руслан саша светлана света семён семен сергей серёжа сережа слава софия соня
станислав стас степан тамара таня татьяна тимофей тимур фёдор федор филипп юлия юля юрий яна ярослав`;

const NAMES: Record<ReportLanguage, ReadonlySet<string>> = {
  en: new Set(EN.split(/\s+/)),
  ru: new Set(RU.split(/\s+/)),
};

/** Whether a lower-case word is a common first name in either language the summariser knows. */
export function isCommonFirstName(word: string): boolean {
  return NAMES.en.has(word) || NAMES.ru.has(word);
}
