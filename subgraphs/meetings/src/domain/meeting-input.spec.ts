import assert from 'node:assert/strict';
import { MeetingError } from './meeting-error.js';
import {
  normalizeJoinUrl,
  normalizeLanguage,
  normalizeParticipants,
  normalizeTitle,
} from './meeting-input.js';

function badInputField(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof MeetingError);
    assert.equal(error.publicCode, 'BAD_USER_INPUT');
    return error.details.field;
  }
  assert.fail('expected BAD_USER_INPUT');
}

describe('meeting input rules', () => {
  it('trims and collapses the title, and refuses empty or oversized titles', () => {
    assert.equal(normalizeTitle('  Weekly \n sync '), 'Weekly sync');
    assert.equal(
      badInputField(() => normalizeTitle('   ')),
      'title',
    );
    assert.equal(
      badInputField(() => normalizeTitle('x'.repeat(301))),
      'title',
    );
  });

  it('accepts only https join links without credentials', () => {
    assert.equal(normalizeJoinUrl(' https://zoom.us/j/1 '), 'https://zoom.us/j/1');
    assert.equal(normalizeJoinUrl(''), null);
    for (const url of [
      'javascript:alert(1)',
      'http://zoom.us/j/1',
      'file:///etc/passwd',
      'not a url',
      'https://u:p@zoom.us/',
    ]) {
      assert.equal(
        badInputField(() => normalizeJoinUrl(url)),
        'joinUrl',
        url,
      );
    }
  });

  it('accepts BCP 47 language tags only', () => {
    assert.equal(normalizeLanguage('ru-RU'), 'ru-RU');
    assert.equal(normalizeLanguage(null), null);
    assert.equal(
      badInputField(() => normalizeLanguage('english!')),
      'language',
    );
  });

  it('normalises (NFKC, lower case), de-duplicates and validates participant e-mails, naming the bad entry', () => {
    const participants = normalizeParticipants([
      { email: 'Bob@Example.com', name: ' Bob ' },
      { email: 'bob@example.com' },
      { email: 'ann@example.org', name: '' },
      { email: '\u212Aelly@ｅxample.com' },
    ]);
    assert.deepEqual(participants, [
      { email: 'bob@example.com', name: 'Bob' },
      { email: 'ann@example.org', name: null },
      { email: 'kelly@example.com', name: null },
    ]);
    assert.equal(
      badInputField(() => normalizeParticipants([{ email: 'ok@example.com' }, { email: 'nope' }])),
      'participants.1.email',
    );
  });
});
