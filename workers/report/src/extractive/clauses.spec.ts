import assert from 'node:assert/strict';
import { splitClauses } from './clauses.js';
import { People } from './people.js';

const nobody = People.of();

describe('clauses of speech written without punctuation', () => {
  it('cuts at decisions, names taking work, thanks and "let us", and drops the words a pause cut off', () => {
    assert.deepEqual(
      splitClauses(
        'good morning everyone we decided to shape the new billing page on friday alice will ride the release notes that there is a',
        'en',
        nobody,
      ),
      [
        'good morning everyone',
        'we decided to shape the new billing page on friday',
        'alice will ride the release notes',
      ],
    );
    assert.deepEqual(
      splitClauses(
        'thanks bob will update the pricing table tomorrow let us meet again next monday to review the launch',
        'en',
        nobody,
      ),
      [
        'thanks',
        'bob will update the pricing table tomorrow',
        'let us meet again next monday to review the launch',
      ],
    );
  });

  it('keeps a request with its addressee, a topic with its decision, and a noun phrase whole', () => {
    assert.deepEqual(splitClauses('what about the release date can we still make it', 'en', nobody), [
      'what about the release date',
      'can we still make it',
    ]);
    assert.deepEqual(splitClauses('carol can you prepare the schedule', 'en', nobody), [
      'carol can you prepare the schedule',
    ]);
    assert.deepEqual(splitClauses('for the marketing budget we agreed on webinars', 'en', nobody), [
      'for the marketing budget we agreed on webinars',
    ]);
    assert.deepEqual(splitClauses('the pricing table will update automatically', 'en', nobody), [
      'the pricing table will update automatically',
    ]);
  });

  it('cuts names only the meeting knows ("ellis" is nobody’s common name)', () => {
    const text = 'the plan is ready ellis will ride the notes';
    assert.equal(splitClauses(text, 'en', nobody).length, 1);
    assert.deepEqual(splitClauses(text, 'en', People.of([{ email: 'ellis@example.com', name: null }])), [
      'the plan is ready',
      'ellis will ride the notes',
    ]);
  });

  it('cuts Russian at "мы решили", "давайте", "спасибо" and a name with a promised verb', () => {
    assert.deepEqual(
      splitClauses(
        'конец марта не успеваем поэтому мы решили перенести релиз борис отправит план до пятницы спасибо давайте встретимся в понедельник',
        'ru',
        nobody,
      ),
      [
        'конец марта не успеваем',
        'мы решили перенести релиз',
        'борис отправит план до пятницы',
        'спасибо',
        'давайте встретимся в понедельник',
      ],
    );
    assert.deepEqual(splitClauses('иван говорит что всё готово', 'ru', nobody), [
      'иван говорит что всё готово',
    ]);
  });
});
