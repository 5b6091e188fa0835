import assert from 'node:assert/strict';
import { findDueDate } from '../domain/due-date.js';
import type { ReportLanguage } from '../domain/report-request.js';
import { People } from './people.js';
import { detectTask } from './task-detector.js';

const MONDAY = new Date('2026-03-09T10:00:00Z');
const owner = (
  text: string,
  language: ReportLanguage = 'en',
  people = People.of(),
  speaker: string | null = null,
) => detectTask(text, language, { speaker, due: findDueDate(text, language, MONDAY), people })?.owner;

describe('tasks in speech written without capitals', () => {
  it('takes an unlisted name before "will <task verb>" or "can you", but no noun phrase', () => {
    assert.equal(owner('priya will send the slides tomorrow'), 'Priya');
    assert.equal(owner('dana can you review the estimate by wednesday'), 'Dana');
    assert.equal(owner('the pricing table will update automatically'), undefined);
    assert.equal(owner('several customers will test the beta'), undefined);
  });

  it('lets a known name promise any verb with an object, and never "will be"', () => {
    const people = People.of([{ email: 'ellis@example.com', name: null }]);
    assert.equal(owner('ellis will ride the release notes', 'en', people), 'Ellis');
    assert.equal(owner('ellis will ride the release notes'), undefined);
    assert.equal(owner('ellis will be late', 'en', people), undefined);
  });

  it('gives "i will" to the speaker, and a follow-up meeting or unnamed deadline work to no one', () => {
    assert.equal(owner('i will review the results tomorrow', 'en', People.of(), 'Dave'), 'Dave');
    assert.equal(owner('let us meet again next monday'), null);
    assert.equal(owner('let us talk about it'), undefined);
    assert.equal(owner('команда подготовит отчёт к пятнице', 'ru'), null);
    assert.equal(owner('давайте встретимся в четверг', 'ru'), null);
  });

  it('finds Russian owners by name and promised verb, not by verbs of saying', () => {
    assert.equal(owner('саша сделает макет до среды', 'ru'), 'Саша');
    assert.equal(owner('маша ты можешь проверить тесты', 'ru'), 'Маша');
    assert.equal(owner('иван говорит что всё готово', 'ru'), undefined);
  });
});
