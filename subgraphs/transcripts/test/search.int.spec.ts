import 'reflect-metadata';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import type { AuthenticatedUser } from '@mymeet/auth';
import { createLogger } from '@mymeet/core';
import { openDatabase, type MikroORM } from '@mymeet/database';
import { deleteConsumersWithPrefix } from '@mymeet/messaging';
import {
  dropDatabase,
  errorCode,
  eventually,
  publishEvent,
  testDatabaseUrl,
  testNatsUrl,
  testSecrets,
} from '@mymeet/testing';
import { loadTranscriptsConfig } from '../src/config.js';
import { transcriptsEntities } from '../src/entities/index.js';
import { transcriptsMigrations } from '../src/migrations/index.js';
import { startTranscriptsService, type RunningTranscriptsService } from '../src/transcripts-service.js';
import { SearchHarness } from './support/search-harness.js';

const user = (name: string): AuthenticatedUser => ({
  sub: `${name}-${randomUUID()}`,
  email: `${name}-${randomUUID().slice(0, 8)}@example.com`,
  roles: [],
});

describe('searchTranscripts on PostgreSQL full-text search', function () {
  this.timeout(90_000);
  const databaseUrl = testDatabaseUrl('search');
  const secrets = testSecrets();
  const consumerPrefix = `search-test-${randomUUID().slice(0, 8)}`;
  let service: RunningTranscriptsService;
  let orm: MikroORM;
  let nc: NatsConnection;
  let harness: SearchHarness;

  before(async () => {
    nc = await connect({ servers: testNatsUrl() });
    const config = loadTranscriptsConfig({
      ...secrets,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      TRANSCRIPTS_PORT: '0',
      TRANSCRIPTS_DATABASE_URL: databaseUrl,
      NATS_URL: testNatsUrl(),
      TRANSCRIPTS_CONSUMER_PREFIX: consumerPrefix,
      TRANSCRIPTS_CONSUMER_START: 'new',
    });
    service = await startTranscriptsService(config, createLogger('transcripts', 'silent'));
    orm = await openDatabase({
      url: databaseUrl,
      entities: transcriptsEntities,
      migrations: transcriptsMigrations,
    });
    harness = new SearchHarness(nc, orm, () => service.url, secrets.INTERNAL_SECRET);
  });

  after(async () => {
    await service?.stop();
    await orm?.close();
    await nc?.close();
    await deleteConsumersWithPrefix(testNatsUrl(), consumerPrefix);
    await dropDatabase(databaseUrl);
  });

  describe('language', () => {
    it('stems English: "meeting" finds "meetings", and the other way round', async () => {
      const alice = user('alice');
      await harness.transcribedMeeting(alice, [
        'We had three meetings about hiring.',
        'The meeting about the budget ran late.',
        'Nothing else was decided.',
      ]);
      const found = (await harness.texts(alice, 'meeting ')).sort();
      assert.deepEqual(found, [
        'The meeting about the budget ran late.',
        'We had three meetings about hiring.',
      ]);
      assert.deepEqual((await harness.texts(alice, 'meetings ')).sort(), found);
    });

    it('stems Russian: "встреча" finds "встречи" and "встрече"', async () => {
      const alice = user('alice');
      await harness.transcribedMeeting(
        alice,
        ['Встречи проходят по понедельникам.', 'Мы договорились о встрече с клиентом.', 'Бюджет утвердили.'],
        { language: 'ru' },
      );
      assert.deepEqual((await harness.texts(alice, 'встреча ')).sort(), [
        'Встречи проходят по понедельникам.',
        'Мы договорились о встрече с клиентом.',
      ]);
      assert.deepEqual(await harness.texts(alice, 'бюджета '), ['Бюджет утвердили.']);
    });

    it('does not stem a language it has no stemmer for, and filters by language', async () => {
      const alice = user('alice');
      await harness.transcribedMeeting(alice, ['Die Besprechungen waren lang.'], { language: 'de' });
      await harness.transcribedMeeting(alice, ['The meetings were long.'], { language: 'en-US' });
      assert.deepEqual(await harness.texts(alice, 'besprechungen '), ['Die Besprechungen waren lang.']);
      assert.deepEqual(await harness.texts(alice, 'besprechung '), []);
      assert.deepEqual(await harness.texts(alice, 'long ', { language: 'en' }), ['The meetings were long.']);
      assert.deepEqual(await harness.texts(alice, 'long ', { language: 'ru' }), []);
    });
  });

  describe('query syntax', () => {
    it('matches "quoted words" as a phrase, unquoted words anywhere in the passage', async () => {
      const alice = user('alice');
      await harness.transcribedMeeting(alice, [
        'The quarterly budget review is on Friday.',
        'Review the budget for the quarterly offsite.',
      ]);
      assert.deepEqual(await harness.texts(alice, '"quarterly budget"'), [
        'The quarterly budget review is on Friday.',
      ]);
      assert.deepEqual(await harness.texts(alice, '"budget quarterly"'), []);
      assert.equal((await harness.texts(alice, 'quarterly budget ')).length, 2);
    });

    it('matches the last word typed as a prefix, in English and Russian', async () => {
      const alice = user('alice');
      await harness.transcribedMeeting(alice, ['Budgeting takes time.', 'The meetings were useful.']);
      await harness.transcribedMeeting(alice, ['Встречи проходят по понедельникам.'], { language: 'ru' });
      assert.deepEqual(await harness.texts(alice, 'budg'), ['Budgeting takes time.']);
      assert.deepEqual(await harness.texts(alice, 'meeti'), ['The meetings were useful.']);
      assert.deepEqual(await harness.texts(alice, 'the meetin'), ['The meetings were useful.']);
      assert.deepEqual(await harness.texts(alice, 'встре'), ['Встречи проходят по понедельникам.']);
      // A finished word (a space after it) is a word, not a prefix.
      assert.deepEqual(await harness.texts(alice, 'budg '), []);
    });

    it('finds the meeting title too, as one hit pointing at the first passage', async () => {
      const alice = user('alice');
      const meeting = await harness.transcribedMeeting(alice, ['Hello everyone.', 'Let us start.'], {
        title: 'Roadmap planning for Q3',
      });
      const page = await harness.search(alice, { query: 'roadmap ' });
      assert.equal(page.totalCount, 1);
      const hit = page.edges[0]!.node;
      assert.equal(hit.matchedIn, 'TITLE');
      assert.equal(hit.meeting.id, meeting.meetingId);
      assert.equal(hit.segment.index, 0);
      assert.equal(hit.highlight, '<mark>Roadmap</mark> planning for Q3');
    });

    it('refuses bad input with BAD_USER_INPUT on the field', async () => {
      const alice = user('alice');
      const field = async (args: Record<string, unknown>) => {
        const response = await harness.searchResponse(alice, args);
        assert.equal(errorCode(response), 'BAD_USER_INPUT', JSON.stringify(response.errors));
        return (response.errors![0]!.extensions as { field?: string }).field;
      };
      assert.equal(await field({ query: ' !? ' }), 'query');
      assert.equal(await field({ query: 'budget', first: 101 }), 'first');
      assert.equal(await field({ query: 'budget', meetingId: 'nope' }), 'meetingId');
      assert.equal(
        await field({ query: 'budget', from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }),
        'to',
      );
      assert.equal(await field({ query: 'budget', after: 'bm9wZQ' }), 'after');
      const other = await harness.search(alice, { query: 'something', first: 1 });
      const cursor =
        other.pageInfo.endCursor ??
        Buffer.from(JSON.stringify(['x', 1, randomUUID(), 0])).toString('base64url');
      assert.equal(await field({ query: 'budget', after: cursor }), 'after');
    });
  });

  describe('highlights', () => {
    it('marks stemmed words and typed prefixes, and escapes the text', async () => {
      const alice = user('alice');
      await harness.transcribedMeeting(alice, ['Our <b>meetings</b> & budgets: meeting again?']);
      const [hit] = (await harness.search(alice, { query: 'meeting budg' })).edges;
      assert.equal(
        hit!.node.highlight,
        'Our &lt;b&gt;<mark>meetings</mark>&lt;/b&gt; &amp; <mark>budgets</mark>: <mark>meeting</mark> again?',
      );
    });

    it('marks Russian word forms', async () => {
      const alice = user('alice');
      await harness.transcribedMeeting(alice, ['Встречи и встрече, новая встреча.'], { language: 'ru' });
      const [hit] = (await harness.search(alice, { query: 'встреча ' })).edges;
      assert.equal(
        hit!.node.highlight,
        '<mark>Встречи</mark> и <mark>встрече</mark>, новая <mark>встреча</mark>.',
      );
    });
  });

  describe('pagination', () => {
    it('pages through every hit once, best first, even while new passages are indexed', async () => {
      const alice = user('alice');
      // Scores differ with how often the word occurs, and tie within each group.
      const texts = Array.from({ length: 45 }, (_, i) => `${'launch '.repeat(1 + (i % 4))}item ${i}`);
      await harness.transcribedMeeting(alice, texts.slice(0, 25));
      await harness.transcribedMeeting(alice, texts.slice(25));
      const all = await harness.search(alice, { query: 'launch ', first: 100 });
      assert.equal(all.totalCount, 45);
      const scores = all.edges.map((edge) => edge.node.score);
      assert.deepEqual(
        scores,
        [...scores].sort((a, b) => b - a),
      );
      const seen: string[] = [];
      const seenScores: number[] = [];
      let added: string[] = [];
      let after: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof harness.search>> = await harness.search(alice, {
          query: 'launch ',
          first: 10,
          after,
        });
        seen.push(
          ...page.edges.map((edge) => `${edge.node.segment.transcriptId}:${edge.node.segment.index}`),
        );
        seenScores.push(...page.edges.map((edge) => edge.node.score));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        if (added.length === 0) {
          // Passages indexed mid-way land before or after the cursor by their score: none repeats or hides another.
          const meeting = await harness.transcribedMeeting(alice, [
            'launch launch launch launch launch new',
            'launch new',
          ]);
          added = [`${meeting.transcriptId}:0`, `${meeting.transcriptId}:1`];
        }
      } while (after);
      const expected = all.edges.map(
        (edge) => `${edge.node.segment.transcriptId}:${edge.node.segment.index}`,
      );
      assert.equal(new Set(seen).size, seen.length, 'no hit twice');
      assert.deepEqual(
        seen.filter((key) => !added.includes(key)),
        expected,
        'every hit once, in order',
      );
      assert.deepEqual(
        seenScores,
        [...seenScores].sort((a, b) => b - a),
      );
    });
  });

  describe('visibility', () => {
    it("never shows anyone another user's passages, not even in counts", async () => {
      const alice = user('alice');
      const eve = user('eve');
      const meeting = await harness.transcribedMeeting(alice, ['The acquisition of Initech closes in May.']);
      await harness.transcribedMeeting(eve, ['Eve talks about something else.']);
      const page = await harness.search(eve, { query: 'initech ' });
      assert.deepEqual(page.edges, []);
      assert.equal(page.totalCount, 0);
      assert.equal(
        (await harness.search(eve, { query: 'initech ', meetingId: meeting.meetingId })).totalCount,
        0,
      );
      assert.equal((await harness.search(alice, { query: 'initech ' })).totalCount, 1);
    });

    it('shows participants the meeting, and stops when they are removed', async () => {
      const alice = user('alice');
      const bob = user('bob');
      const meeting = await harness.transcribedMeeting(alice, ['Bob will own the migration plan.'], {
        participants: [bob.email!],
      });
      assert.equal((await harness.search(bob, { query: 'migration ' })).totalCount, 1);
      await harness.announceMeeting(meeting.meetingId, alice, { version: 2, participants: [] });
      const page = await harness.search(bob, { query: 'migration ' });
      assert.deepEqual(page.edges, []);
      assert.equal(page.totalCount, 0);
      assert.equal((await harness.search(alice, { query: 'migration ' })).totalCount, 1);
      // Adding them back, and an older version arriving late, converge on the newest.
      await harness.announceMeeting(meeting.meetingId, alice, { version: 4, participants: [bob.email!] });
      await publishEvent(nc, 'meeting.updated', meeting.meetingId, {
        ownerId: alice.sub,
        participantEmails: [],
        title: 'Weekly sync',
        version: 3,
      });
      await harness.untilSearchVersion(meeting.meetingId, 4);
      assert.equal((await harness.search(bob, { query: 'migration ' })).totalCount, 1);
    });
  });

  describe('indexing follows the data', () => {
    it('follows an edited segment', async () => {
      const alice = user('alice');
      const meeting = await harness.transcribedMeeting(alice, [
        'We will ship on Monday.',
        'Questions later.',
      ]);
      const response = await harness.call(
        alice,
        'mutation ($id: ID!) { editTranscriptSegment(transcriptId: $id, index: 0, text: "We will ship on Thursday.") { text } }',
        { id: meeting.transcriptId },
      );
      assert.equal(response.errors, undefined, JSON.stringify(response.errors));
      await eventually(async () =>
        assert.deepEqual(await harness.texts(alice, 'thursday '), ['We will ship on Thursday.']),
      );
      assert.deepEqual(await harness.texts(alice, 'monday '), []);
    });

    it('follows a retranscription: only the current run is searched', async () => {
      const alice = user('alice');
      const meeting = await harness.transcribedMeeting(alice, ['The old engine heard kumquat.']);
      const newer = await harness.transcribe(meeting.meetingId, ['The new engine heard quantum.']);
      assert.deepEqual(await harness.texts(alice, 'kumquat '), []);
      const [hit] = (await harness.search(alice, { query: 'quantum ' })).edges;
      assert.equal(hit?.node.segment.transcriptId, newer);
    });

    it('follows a named speaker and filters by speaker', async () => {
      const alice = user('alice');
      const meeting = await harness.transcribedMeeting(alice, ['I approve the plan.', 'I reject the plan.'], {
        speakers: ['S1', 'S2'],
      });
      assert.deepEqual(await harness.texts(alice, 'plan ', { speaker: 's2' }), ['I reject the plan.']);
      // What nameSpeaker does to the rows, then its event.
      await harness.rows(
        `update transcript_segment set speaker = 'Dana' where transcript_id = ? and speaker = 'S2'`,
        [meeting.transcriptId],
      );
      await publishEvent(nc, 'transcript.speaker_named', meeting.meetingId, {
        transcriptId: meeting.transcriptId,
        label: 'S2',
      });
      await eventually(async () =>
        assert.deepEqual(await harness.texts(alice, 'plan ', { speaker: 'dana' }), ['I reject the plan.']),
      );
      assert.deepEqual(await harness.texts(alice, 'plan ', { speaker: 'S2' }), []);
    });

    it('follows the meeting title and time, and filters by date and meeting', async () => {
      const alice = user('alice');
      const january = await harness.transcribedMeeting(alice, ['Hiring plan for January.'], {
        occursAt: '2026-01-15T10:00:00.000Z',
        title: 'Hiring',
      });
      await harness.transcribedMeeting(alice, ['Hiring plan for March.'], {
        occursAt: '2026-03-15T10:00:00.000Z',
      });
      const inFebruaryOrLater = { from: '2026-02-01T00:00:00.000Z' };
      assert.deepEqual(await harness.texts(alice, 'plan ', inFebruaryOrLater), ['Hiring plan for March.']);
      assert.deepEqual(await harness.texts(alice, 'plan ', { to: '2026-02-01T00:00:00.000Z' }), [
        'Hiring plan for January.',
      ]);
      assert.deepEqual(await harness.texts(alice, 'plan ', { meetingId: january.meetingId }), [
        'Hiring plan for January.',
      ]);
      await harness.announceMeeting(january.meetingId, alice, {
        version: 2,
        title: 'Recruiting',
        occursAt: '2026-04-01T10:00:00.000Z',
      });
      assert.deepEqual((await harness.texts(alice, 'plan ', inFebruaryOrLater)).sort(), [
        'Hiring plan for January.',
        'Hiring plan for March.',
      ]);
      const titles = (await harness.search(alice, { query: 'recruiting ' })).edges.map(
        (edge) => edge.node.highlight,
      );
      assert.deepEqual(titles, ['<mark>Recruiting</mark>']);
    });

    it('forgets a deleted meeting', async () => {
      const alice = user('alice');
      const meeting = await harness.transcribedMeeting(alice, ['Confidential merger talk.']);
      await harness.deleteMeeting(meeting.meetingId, alice, 2);
      assert.equal((await harness.search(alice, { query: 'merger ' })).totalCount, 0);
      assert.equal(
        (await harness.rows('select 1 from search_passage where meeting_id = ?', [meeting.meetingId])).length,
        0,
      );
    });
  });
});
