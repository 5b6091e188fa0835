import assert from 'node:assert/strict';
import { attachmentDisposition } from './content-disposition.js';

describe('attachmentDisposition', () => {
  it('keeps plain names readable', () => {
    assert.equal(
      attachmentDisposition('standup.mp3'),
      `attachment; filename="standup.mp3"; filename*=UTF-8''standup.mp3`,
    );
  });

  it('offers an ASCII fallback and the exact UTF-8 name', () => {
    assert.equal(
      attachmentDisposition('встреча "q1".m4a'),
      `attachment; filename="_______ _q1_.m4a"; filename*=UTF-8''%D0%B2%D1%81%D1%82%D1%80%D0%B5%D1%87%D0%B0%20%22q1%22.m4a`,
    );
  });

  it('cannot break out of the header', () => {
    const value = attachmentDisposition('a\r\nx-evil: 1";.mp3');
    assert.doesNotMatch(value, /[\r\n]/);
    assert.equal(value.split('"').length, 3);
  });
});
