import assert from 'node:assert/strict';
import { parseLanguage } from './language.js';
import { MAX_SEGMENT_TEXT, parseSegmentEdit } from './segment-edit.js';
import { TranscriptError } from './transcript-error.js';

const badInputOn = (field: string) => (error: unknown) =>
  error instanceof TranscriptError && error.publicCode === 'BAD_USER_INPUT' && error.details.field === field;

describe('segment edits and languages', () => {
  it('normalizes an edit to one line', () => {
    assert.deepEqual(parseSegmentEdit(3, '  Anna will\nsend it '), { index: 3, text: 'Anna will send it' });
  });

  it('refuses a negative index, empty text and overlong text with the field at fault', () => {
    assert.throws(() => parseSegmentEdit(-1, 'x'), badInputOn('index'));
    assert.throws(() => parseSegmentEdit(0, ' \n '), badInputOn('text'));
    assert.throws(() => parseSegmentEdit(0, 'a'.repeat(MAX_SEGMENT_TEXT + 1)), badInputOn('text'));
  });

  it('takes language tags and refuses anything else', () => {
    assert.equal(parseLanguage(undefined), null);
    assert.equal(parseLanguage('en'), 'en');
    assert.equal(parseLanguage('pt-BR'), 'pt-BR');
    for (const bad of ['', 'english', 'EN', 'en_US', 'ru; drop table']) {
      assert.throws(() => parseLanguage(bad), badInputOn('language'));
    }
  });
});
