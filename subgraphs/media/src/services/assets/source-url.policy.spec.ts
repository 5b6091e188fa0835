import assert from 'node:assert/strict';
import { sourceUrlFor } from './source-url.policy.js';

describe('sourceUrl visibility', () => {
  const asset = {
    ownerId: 'alice',
    sourceUrl: 'https://files.example.com/rec/talk.mp3?X-Amz-Signature=secret&token=abc#t=10',
  };

  it('shows the importer the URL as stored', () => {
    assert.equal(sourceUrlFor({ sub: 'alice' }, asset), asset.sourceUrl);
  });

  it('shows everyone else origin and path only', () => {
    assert.equal(sourceUrlFor({ sub: 'bob' }, asset), 'https://files.example.com/rec/talk.mp3');
    assert.equal(sourceUrlFor({ sub: 'bob' }, { ownerId: 'alice', sourceUrl: null }), null);
  });
});
