import assert from 'node:assert/strict';
import { buildSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';
import { buildEntityQuery, type EntityQuery } from './entity-query.js';

const schema = buildSchema(`
  type Query { _unused: Int }
  type Subscription { progress: Event! }
  type Event { cursor: String! meeting: Meeting }
  type Meeting { id: ID! title: String! participants(first: Int): [Person!]! }
  type Person { email: String! }
`);

function queryFor(operation: string, variables: Record<string, unknown> = {}): EntityQuery {
  let built: EntityQuery | undefined;
  void execute({
    schema,
    document: parse(operation),
    variableValues: variables,
    rootValue: { progress: { cursor: '1', meeting: {} } },
    fieldResolver: (source, _args, _context, info: GraphQLResolveInfo) => {
      if (info.fieldName === 'meeting') built = buildEntityQuery('meeting', info);
      return (source as Record<string, unknown>)[info.fieldName];
    },
  });
  return built!;
}

describe('buildEntityQuery', () => {
  it('merges every occurrence of the entity field, with fragments, aliases and the variables used', () => {
    const query = queryFor(
      `subscription ($n: Int, $unused: String) {
        progress { meeting { t: title } ... on Event { meeting { ...People } } }
      }
      fragment People on Meeting { participants(first: $n) { email } }`,
      { n: 3, unused: 'x' },
    );
    assert.equal(
      query.text,
      [
        'query SubscriptionEntity($subscriptionEntityId: ID!, $n: Int) {',
        '  entity: meeting(id: $subscriptionEntityId) {',
        '    __typename',
        '    t: title',
        '    ...People',
        '  }',
        '}',
        '',
        'fragment People on Meeting {',
        '  __typename',
        '  participants(first: $n) {',
        '    __typename',
        '    email',
        '  }',
        '}',
      ].join('\n'),
    );
    assert.deepEqual(query.variables, { n: 3 });
  });
});
