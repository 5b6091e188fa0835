import assert from 'node:assert/strict';
import { buildSchema, parse } from 'graphql';
import { findInputProblem } from './input-values.js';

// The scalars are declared by name only, as in the gateway's supergraph: the check brings their code.
const schema = buildSchema(`
  scalar DateTime
  scalar SafeInt
  scalar JSON
  input ParticipantInput { email: String! name: String }
  input CreateInput { title: String! scheduledAt: DateTime participants: [ParticipantInput!] }
  input Filter { from: DateTime tags: [String!] }
  type Query { meetings(filter: Filter, first: Int): [String] size(bytes: SafeInt!): Int echo(value: JSON): JSON }
  type Mutation { create(input: CreateInput!): String }
`);

const check = (query: string, variables: Record<string, unknown> = {}) =>
  findInputProblem(schema, parse(query), variables);

describe('input values a service cannot take', () => {
  it('accepts valid scalars and ordinary text, including astral characters', () => {
    assert.equal(
      check('mutation { create(input: { title: "Réunion 🎉", scheduledAt: "2024-02-29T10:00:00Z" }) }'),
      undefined,
    );
    assert.equal(check('query ($n: SafeInt!) { size(bytes: $n) }', { n: 2 ** 53 - 1 }), undefined);
    assert.equal(check('{ echo(value: { a: [1, "x"] }) }'), undefined);
  });

  it('names the argument of an invalid DateTime, in literals, variables and defaults', () => {
    for (const value of ['not-a-date', '2024-02-30T25:61:00Z']) {
      assert.deepEqual(
        check(`mutation { create(input: { title: "x", scheduledAt: "${value}" }) }`)?.field,
        'scheduledAt',
      );
      assert.equal(
        check('mutation ($i: CreateInput!) { create(input: $i) }', { i: { title: 'x', scheduledAt: value } })
          ?.field,
        'scheduledAt',
      );
      assert.equal(
        check('query ($d: DateTime) { meetings(filter: { from: $d }) }', { d: value })?.field,
        'filter.from',
      );
      assert.equal(
        check(`query ($d: DateTime = "${value}") { meetings(filter: { from: $d }) }`)?.reason,
        'INVALID_SCALAR',
      );
    }
  });

  it('refuses a SafeInt beyond 2^53 and a fractional one', () => {
    assert.equal(check('{ size(bytes: 9007199254740993) }')?.field, 'bytes');
    assert.equal(check('query ($n: SafeInt!) { size(bytes: $n) }', { n: 2 ** 53 + 2 })?.field, 'bytes');
    assert.equal(check('query ($n: SafeInt!) { size(bytes: $n) }', { n: 1.5 })?.reason, 'INVALID_SCALAR');
  });

  it('refuses NUL and unpaired surrogates anywhere in text, naming the path', () => {
    const problem = check('mutation ($i: CreateInput!) { create(input: $i) }', {
      i: {
        title: 'ok',
        participants: [{ email: 'a@example.com' }, { email: 'b@example.com', name: 'b\u0000' }],
      },
    });
    assert.deepEqual(problem, {
      field: 'participants.1.name',
      reason: 'UNSUPPORTED_CHARACTER',
      message: 'participants.1.name: text must not contain NUL (U+0000) characters',
    });
    assert.equal(check('{ meetings(filter: { tags: ["a", "\\u0000"] }) }')?.field, 'filter.tags.1');
    // (GraphQL's parser already refuses an unpaired surrogate escape in a literal.)
    assert.equal(
      check('mutation ($i: CreateInput!) { create(input: $i) }', { i: { title: '\ud800x' } })?.field,
      'title',
    );
    assert.equal(check('query ($v: JSON) { echo(value: $v) }', { v: { deep: ['\u0000'] } })?.field, 'value');
  });

  it('leaves wrong shapes to GraphQL itself', () => {
    assert.equal(check('{ meetings(first: "x") }'), undefined);
    assert.equal(
      check('mutation ($i: CreateInput!) { create(input: $i) }', { i: 'not an object' }),
      undefined,
    );
  });
});
