import 'reflect-metadata';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { graphql, type GraphQLSchema } from 'graphql';
import type { AuthenticatedUser } from '@mymeet/auth';
import { createLogger } from '@mymeet/core';
import { MeetingAccessEntity } from '@mymeet/meeting-access';
import { openDatabase, type MikroORM } from '@mymeet/database';
import { dropDatabase, testDatabaseUrl } from '@mymeet/testing';
import { TranscriptStatus } from '../src/domain/transcript-status.js';
import { transcriptsEntities } from '../src/entities/index.js';
import { TranscriptSegmentEntity } from '../src/entities/transcript-segment.entity.js';
import { TranscriptEntity } from '../src/entities/transcript.entity.js';
import { transcriptsMigrations } from '../src/migrations/index.js';
import { buildTranscriptsSchema } from '../src/schema/build-transcripts-schema.js';
import { transcriptsContextFactory } from '../src/schema/transcripts-context.js';
import { meetingAccessFor } from '../src/services/meeting-access.adapter.js';

/** A list of meetings with their transcripts costs the same number of queries as one meeting. */
describe('transcripts subgraph: batched loads (no N+1)', function () {
  this.timeout(60_000);
  const databaseUrl = testDatabaseUrl('transcripts_batching');
  const alice: AuthenticatedUser = { sub: `alice-${randomUUID()}`, email: 'alice@example.com', roles: [] };
  const meetingIds = Array.from({ length: 12 }, () => randomUUID());
  let orm: MikroORM;
  let schema: GraphQLSchema;
  let statements = 0;

  before(async () => {
    orm = await openDatabase({
      url: databaseUrl,
      entities: transcriptsEntities,
      migrations: transcriptsMigrations,
    });
    schema = (await buildTranscriptsSchema()).schema;
    const em = orm.em.fork();
    const segments: Array<
      Omit<
        TranscriptSegmentEntity,
        'speaker' | 'speakerLabel' | 'confidence' | 'edited' | 'editedAt' | 'editedBy' | 'attempt'
      >
    > = [];
    for (const meetingId of meetingIds) {
      // The copy of meeting access the STATE consumer keeps, written directly here.
      em.create(MeetingAccessEntity, { meetingId, ownerId: alice.sub, participantEmails: [], version: 1 });
      for (const status of [TranscriptStatus.COMPLETED, TranscriptStatus.PROCESSING]) {
        const run = em.create(TranscriptEntity, {
          id: randomUUID(),
          meetingId,
          mediaId: randomUUID(),
          objectKey: `meetings/${meetingId}/a.mp3`,
          requestedLanguage: 'en',
          status,
        });
        for (let index = 0; index < 5; index += 1) {
          segments.push({
            transcriptId: run.id,
            index,
            startMs: index * 1000,
            endMs: index * 1000 + 900,
            rawText: `words ${index}`,
            text: `words ${index}`,
            occurredAt: new Date(),
          });
        }
      }
    }
    // No relation between the entities tells the unit of work to insert runs first.
    await em.flush();
    for (const segment of segments) em.create(TranscriptSegmentEntity, segment);
    await em.flush();
    const connection = orm.em.getConnection();
    const execute = connection.execute.bind(connection);
    connection.execute = ((...args: Parameters<typeof execute>) => {
      statements += 1;
      return execute(...args);
    }) as typeof connection.execute;
  });

  after(async () => {
    await orm?.close();
    await dropDatabase(databaseUrl);
  });

  const newContext = () =>
    transcriptsContextFactory(
      orm,
      meetingAccessFor,
      () => undefined,
    )({
      requestId: randomUUID(),
      user: alice,
      logger: createLogger('test', 'silent'),
    });

  async function statementsFor(ids: readonly string[]): Promise<number> {
    statements = 0;
    const result = await graphql({
      schema,
      source: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Meeting {
        transcript { id status text wordCount segments(first: 2) { edges { node { index text } } } export(format: VTT) }
        transcripts { id segments(first: 3) { edges { cursor } } }
      } } }`,
      variableValues: { r: ids.map((id) => ({ __typename: 'Meeting', id })) },
      contextValue: newContext(),
    });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const entities = result.data!._entities as Array<{
      transcript: { status: string; segments: { edges: unknown[] } };
    }>;
    assert.equal(entities.length, ids.length);
    for (const entity of entities) {
      assert.equal(entity.transcript.status, 'COMPLETED');
      assert.equal(entity.transcript.segments.edges.length, 2);
    }
    return statements;
  }

  it('reads twelve meetings with the same queries as one', async () => {
    const one = await statementsFor(meetingIds.slice(0, 1));
    const twelve = await statementsFor(meetingIds);
    // Runs, access copy, segment pages (one per page size), all segments: never per meeting.
    assert.ok(one > 0 && one <= 8, `one meeting took ${one} statements`);
    assert.equal(twelve, one);
  });

  it('resolves many Transcript references with one query for the runs and one for their meetings', async () => {
    const ids = (await orm.em.fork().find(TranscriptEntity, {})).map((run) => run.id);
    statements = 0;
    const result = await graphql({
      schema,
      source:
        'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Transcript { id meetingId } } }',
      variableValues: { r: ids.map((id) => ({ __typename: 'Transcript', id })) },
      contextValue: newContext(),
    });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.equal((result.data!._entities as unknown[]).length, 24);
    assert.equal(statements, 2);
  });
});
