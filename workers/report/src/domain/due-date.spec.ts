import assert from 'node:assert/strict';
import { findDueDate, normaliseDueDate } from './due-date.js';

const MONDAY = new Date('2026-03-09T15:00:00Z');
const iso = (text: string, language: 'en' | 'ru' = 'en') => findDueDate(text, language, MONDAY)?.iso;

describe('due dates', () => {
  it('resolves English deadlines against the meeting day', () => {
    assert.equal(iso('send it by Friday'), '2026-03-13');
    assert.equal(iso('ready by March 20th'), '2026-03-20');
    assert.equal(iso('due 2 April 2026'), '2026-04-02');
    assert.equal(iso('by tomorrow'), '2026-03-10');
    assert.equal(iso('by the end of the week'), '2026-03-13');
    assert.equal(iso('by the end of the month'), '2026-03-31');
    assert.equal(iso('within two weeks'), '2026-03-23');
    assert.equal(iso('due 2026-05-01'), '2026-05-01');
    assert.equal(iso('by January 15'), '2027-01-15', 'a day long past means next year');
  });

  it('prefers a calendar date over a weekday in the same sentence', () => {
    assert.equal(iso('by Wednesday, March 18'), '2026-03-18');
  });

  it('resolves Russian deadlines', () => {
    assert.equal(iso('до пятницы', 'ru'), '2026-03-13');
    assert.equal(iso('к среде', 'ru'), '2026-03-11');
    assert.equal(iso('к 20 марта', 'ru'), '2026-03-20');
    assert.equal(iso('до 15.04', 'ru'), '2026-04-15');
    assert.equal(iso('до конца месяца', 'ru'), '2026-03-31');
    assert.equal(iso('через две недели', 'ru'), '2026-03-23');
    assert.equal(iso('завтра', 'ru'), '2026-03-10');
  });

  it('reads dates spelt out in words, as speech recognisers write them', () => {
    assert.equal(iso('by march twentieth'), '2026-03-20');
    assert.equal(iso('on the fourteenth of april'), '2026-04-14');
    assert.equal(iso('due april the twenty first'), '2026-04-21');
    assert.equal(iso('до двадцатого марта', 'ru'), '2026-03-20');
    assert.equal(iso('к пятнадцатому апреля', 'ru'), '2026-04-15');
    assert.equal(iso('на двадцать третье марта', 'ru'), '2026-03-23');
  });

  it('keeps deadlines that name no day as said, and tells deadlines from mere times', () => {
    assert.deepEqual(findDueDate('fix it ASAP', 'en', MONDAY), { text: 'ASAP', iso: null, deadline: true });
    assert.equal(findDueDate('Today we need to talk', 'en', MONDAY)?.deadline, false);
    assert.equal(findDueDate('send it by Friday', 'en', MONDAY)?.deadline, true);
    assert.deepEqual(normaliseDueDate('next sprint', 'en', MONDAY), {
      text: 'next sprint',
      iso: null,
      deadline: true,
    });
    assert.equal(normaliseDueDate('2026-03-20', 'ru', MONDAY).iso, '2026-03-20');
  });
});
