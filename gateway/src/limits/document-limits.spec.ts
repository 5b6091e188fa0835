import assert from 'node:assert/strict';
import { enforceDocumentLimits, type DocumentLimits } from './document-limits.js';

const LIMITS: DocumentLimits = {
  maxTokens: 200,
  maxAliases: 3,
  maxRootFields: 4,
  maxDirectives: 2,
  maxDepth: 3,
};

function refusal(query: string): string | undefined {
  try {
    enforceDocumentLimits(query, LIMITS);
    return undefined;
  } catch (error) {
    const { message, extensions } = error as { message: string; extensions: Record<string, unknown> };
    assert.equal(extensions.code, 'QUERY_TOO_COMPLEX');
    assert.deepEqual(extensions.http, { status: 400 });
    return message;
  }
}

describe('document limits (parse time, before validation)', () => {
  it('lets a query within every limit through', () => {
    assert.equal(refusal('{ a: meetings { edges { cursor } } b: meeting(id: "1") { id } }'), undefined);
  });

  it('refuses each limit with its own message', () => {
    assert.match(refusal(`{ ${'a '.repeat(300)} }`) ?? '', /more than 200 tokens/);
    assert.match(refusal('{ a: x b: x c: x d: x }') ?? '', /aliases: 4, the limit is 3/);
    assert.match(refusal('{ a b c d e }') ?? '', /root fields: 5/);
    assert.match(
      refusal('{ a @skip(if: true) b @skip(if: true) c @include(if: true) }') ?? '',
      /directives: 3/,
    );
    assert.match(refusal('{ a { b { c { d } } } }') ?? '', /depth too large: 4/);
  });

  it('leaves syntax errors and missing queries to the regular parse', () => {
    assert.equal(refusal('{ unclosed'), undefined);
    enforceDocumentLimits(undefined, LIMITS);
  });
});
