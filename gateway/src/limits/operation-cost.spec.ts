import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import {
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { repoRoot } from '@mymeet/testing';
import { loadSupergraph } from '../supergraph/load-supergraph.js';
import { COST_MODEL } from './cost-model.js';
import { countRootFields, operationCost } from './operation-cost.js';

describe('the cost model of the supergraph', () => {
  let schema: GraphQLSchema;
  let gateway: ApolloGateway;

  before(async () => {
    gateway = new ApolloGateway({ supergraphSdl: loadSupergraph(resolve(repoRoot, 'supergraph.graphql')) });
    schema = (await gateway.load()).schema;
  });
  after(() => gateway.stop());

  const cost = (query: string, variables: Record<string, unknown> = {}) =>
    operationCost(schema, parse(query), undefined, variables, COST_MODEL);

  it('has a cost and a cap for every mutation field, and a bound for every list field', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const key = `${type.name}.${field.name}`;
        const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
        const paged = field.args.some((arg) => arg.name === 'first');
        if (type === schema.getMutationType() && !COST_MODEL.mutations[key]) missing.push(key);
        else if (list && !COST_MODEL.listBounds[key]) missing.push(key);
        else if (paged && !COST_MODEL.defaultPageSizes[key]) missing.push(key);
      }
    }
    assert.deepEqual(missing, [], 'add them to gateway/src/limits/cost-model.ts');
  });

  it('costs `first: null` and a missing `first` by the page size the resolver applies', () => {
    const page = '{ edges { node { id } } }';
    assert.equal(cost(`{ meetings(first: null) ${page} }`), cost(`{ meetings(first: 20) ${page} }`));
    assert.equal(cost(`{ meetings ${page} }`), cost(`{ meetings(first: 20) ${page} }`));
    assert.equal(
      cost(`query ($n: Int) { meetings(first: $n) ${page} }`, { n: null }),
      cost(`{ meetings ${page} }`),
    );
    assert.equal(cost(`{ meetings(first: 100) ${page} }`), 5 * cost(`{ meetings(first: 20) ${page} }`));
  });

  it('costs participants, media and upload parts by their real bounds', () => {
    const bare = cost('{ meeting(id: "1") { id } }');
    assert.equal(cost('{ meeting(id: "1") { id participants { email } } }') - bare, 200);
    assert.equal(cost('{ meeting(id: "1") { id media { id } } }') - bare, 50);
    const upload = (selection: string) =>
      cost(
        `mutation { requestMediaUpload(input: { meetingId: "1", fileName: "a", contentType: "audio/mpeg", byteSize: 1 }) ${selection} }`,
      );
    assert.equal(upload('{ uploadUrl parts { url } }') - upload('{ uploadUrl }'), 256);
    // The README's listing of 20 meetings with participants fits the default budget of 5,000.
    assert.ok(cost('{ meetings(first: 20) { edges { node { id participants { email } } } } }') < 5_000);
    assert.ok(cost('{ meetings(first: 100) { edges { node { id participants { email } } } } }') > 5_000);
  });

  it('counts mutation calls through aliases and fragments for the per-operation caps', () => {
    const document = parse(`
      mutation { a: deleteMeeting(id: "1") ...M ... on Mutation { deleteMeeting(id: "3") } }
      fragment M on Mutation { b: deleteMeeting(id: "2") abortMediaUpload(mediaId: "1") }
    `);
    const operation = document.definitions[0] as OperationDefinitionNode;
    assert.deepEqual(Object.fromEntries(countRootFields(document, operation)), {
      deleteMeeting: 3,
      abortMediaUpload: 1,
    });
  });
});
