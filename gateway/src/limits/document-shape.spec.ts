import assert from 'node:assert/strict';
import { parse } from 'graphql';
import { measureDocument } from './document-shape.js';

describe('measureDocument', () => {
  it('counts depth through fragments and inline fragments', () => {
    const shape = measureDocument(
      parse(`
        query Q { meetings { edges { node { ...M } } } }
        fragment M on Meeting { id participants { ... on Participant { email } } }
      `),
    );
    assert.equal(shape.depth, 5);
  });

  it('reports the widest and deepest operation of a document', () => {
    const shape = measureDocument(parse('query A { a b c } query B { x: b { c { d } } }'));
    assert.deepEqual(shape, { aliases: 1, rootFields: 3, depth: 3, directives: 0 });
  });

  it('counts aliases and root fields as execution expands them, each fragment measured once', () => {
    // Ten levels of fragments spreading the next one twice: 2^10 copies of one alias.
    const levels = Array.from(
      { length: 10 },
      (_, i) => `fragment L${i} on Query { ...L${i + 1} ...L${i + 1} }`,
    ).join('\n');
    const document = parse(`{ ...L0 } ${levels} fragment L10 on Query { x: __typename }`);
    const started = process.hrtime.bigint();
    const shape = measureDocument(document);
    assert.equal(shape.aliases, 1024);
    assert.equal(shape.rootFields, 1024);
    assert.ok(process.hrtime.bigint() - started < 1_000_000_000n, 'linear, not exponential');
  });

  it('counts directives anywhere, and survives fragment cycles (validation refuses them)', () => {
    const shape = measureDocument(
      parse('query ($s: Boolean!) @a { a @skip(if: $s) @b ...F } fragment F on Query @c { ...F b @d }'),
    );
    assert.equal(shape.directives, 5);
    assert.equal(shape.rootFields, 2);
  });
});
