import assert from 'node:assert/strict';
import { transcriptIdFor, uuidV5 } from './transcript-id.js';

describe('transcript ids', () => {
  it('computes RFC 9562 UUIDv5 (the DNS-namespace example)', () => {
    assert.equal(
      uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'),
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('gives one recording one transcript id, and different recordings different ones', () => {
    const media = '0b6f2a8e-1c4d-4e5f-8a9b-1c2d3e4f5a6b';
    assert.equal(transcriptIdFor(media), transcriptIdFor(media));
    assert.notEqual(transcriptIdFor(media), transcriptIdFor('0b6f2a8e-1c4d-4e5f-8a9b-1c2d3e4f5a6c'));
    assert.match(
      transcriptIdFor(media),
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
