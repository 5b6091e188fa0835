import assert from 'node:assert/strict';
import { parse } from 'graphql';
import { queryDepth } from './query-depth.js';

describe('queryDepth', () => {
  it('counts nested fields through fragments and inline fragments', () => {
    const document = parse(`
      query Q { meetings { edges { node { ...M } } } }
      fragment M on Meeting { id participants { ... on Participant { email } } }
    `);
    assert.equal(queryDepth(document, 'Q'), 5);
  });

  it('measures the named operation only', () => {
    const document = parse('query A { a } query B { b { c { d } } }');
    assert.equal(queryDepth(document, 'A'), 1);
    assert.equal(queryDepth(document, 'B'), 3);
  });
});
