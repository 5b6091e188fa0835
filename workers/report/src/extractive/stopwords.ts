import type { ReportLanguage } from '../domain/report-request.js';

// Function words and meeting filler: they carry no topic, so ranking and topics ignore them.
const EN = `a about above after again against all am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
few for from further get gets got had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers
herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's me more
most mustn't my myself no nor not now of off on once only or other ought our ours ourselves out over own really
same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves
then there there's these they they'd they'll they're they've this those through to too under until up very was
wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why
why's will with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves also yes yeah
okay ok um uh hmm like well right actually basically think going go gonna want wanna need make sure thing things
something anything everything one two maybe kind sort lot lots bit guess mean know see say said look good great
thanks thank please sounds sound yep nope alright anyway still even much many way ll ve re don`;

const RU = `и в во не что он на я с со как а то все всё она так его но да ты к у же вы за бы по только ее её мне было
вот от меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж
вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего
раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее
неё сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про
всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более
всегда конечно всю между это эта эти этот так вот короче типа значит просто давайте давай ладно окей хорошо спасибо
пожалуйста думаю кажется вообще собственно наверное да нет ага угу мм ээ будем будут буду нужно надо наш наша наше
наши нам нами вами мной тобой сделать`;

const LISTS: Record<ReportLanguage, Set<string>> = {
  en: new Set(EN.split(/\s+/)),
  ru: new Set(RU.split(/\s+/)),
};

export function isStopword(word: string, language: ReportLanguage): boolean {
  return LISTS[language].has(word) || LISTS.en.has(word);
}
