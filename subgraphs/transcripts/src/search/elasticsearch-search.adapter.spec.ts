import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@elastic/elasticsearch';
import { ElasticsearchSearchAdapter } from './elasticsearch-search.adapter.js';
import { MARK_END, MARK_START } from './search-highlight.js';
import type { SearchDocument, SearchPageRequest } from './transcript-search.port.js';

interface Captured {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string | undefined;
  body: string;
}

type Reply = { status: number; body?: unknown };

/**
 * A local HTTP server the real @elastic/elasticsearch client talks to: it records every request and
 * answers with response bodies shaped as Elasticsearch 9 documents them. No cluster runs here.
 */
class FakeElasticsearch {
  readonly requests: Captured[] = [];
  private replies: Array<(request: Captured) => Reply | undefined> = [];
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer(async (req, res) => {
      const request = await capture(req);
      this.requests.push(request);
      const reply = this.replies.map((r) => r(request)).find(Boolean) ?? {
        status: 200,
        body: { acknowledged: true },
      };
      // The client refuses servers that do not say they are Elasticsearch.
      res.writeHead(reply.status, {
        'content-type': 'application/vnd.elasticsearch+json;compatible-with=9',
        'x-elastic-product': 'Elasticsearch',
      });
      res.end(reply.body === undefined || req.method === 'HEAD' ? undefined : JSON.stringify(reply.body));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  on(match: (request: Captured) => boolean, reply: Reply): void {
    this.replies.unshift((request) => (match(request) ? reply : undefined));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function capture(req: IncomingMessage): Promise<Captured> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url!, 'http://x');
  return {
    method: req.method!,
    path: url.pathname,
    query: url.searchParams,
    contentType: req.headers['content-type'],
    body: Buffer.concat(chunks).toString('utf8'),
  };
}

const MEETING = '3f1c2b9e-7a44-4d0e-9c55-1d2e3f4a5b6c';
const RUN = '8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d';
const document = (
  index: number,
  text: string,
  stemming: SearchDocument['stemming'] = 'english',
): SearchDocument => ({
  meetingId: MEETING,
  transcriptId: RUN,
  index,
  text,
  speaker: 'S1',
  startMs: index * 1000,
  endMs: index * 1000 + 900,
  language: stemming === 'russian' ? 'ru' : 'en',
  stemming,
  occursAt: new Date('2026-03-01T10:00:00.000Z'),
  viewers: ['u:alice', 'e:bob@example.com'],
});

describe('Elasticsearch adapter, against a server that records what the real client sends', () => {
  let server: FakeElasticsearch;
  let adapter: ElasticsearchSearchAdapter;

  beforeEach(async () => {
    server = new FakeElasticsearch();
    const url = await server.start();
    adapter = new ElasticsearchSearchAdapter(new Client({ node: url, maxRetries: 0 }), {
      index: 'mymeet-transcripts',
    });
  });

  afterEach(async () => {
    await adapter.close();
    await server.stop();
  });

  it('puts the index template (English and Russian analyzers, strict mapping), then creates the index once', async () => {
    server.on((r) => r.method === 'HEAD', { status: 404 });
    await adapter.prepare();
    const [template, exists, create] = server.requests;
    // PUT /_index_template/<name> (Index template API), HEAD /<index> (Exists API), PUT /<index> (Create index API).
    assert.equal(`${template!.method} ${template!.path}`, 'PUT /_index_template/mymeet-transcripts-template');
    const body = JSON.parse(template!.body);
    assert.deepEqual(body.index_patterns, ['mymeet-transcripts*']);
    assert.deepEqual(body.template.settings.analysis.analyzer.mymeet_english, { type: 'english' });
    assert.deepEqual(body.template.settings.analysis.analyzer.mymeet_russian, { type: 'russian' });
    assert.equal(body.template.mappings.dynamic, 'strict');
    assert.equal(body.template.mappings.properties.text_ru.analyzer, 'mymeet_russian');
    assert.equal(body.template.mappings.properties.viewers.type, 'keyword');
    assert.equal(`${exists!.method} ${exists!.path}`, 'HEAD /mymeet-transcripts');
    assert.equal(`${create!.method} ${create!.path}`, 'PUT /mymeet-transcripts');
    assert.equal(server.requests.length, 3);
  });

  it('treats an index another instance created meanwhile as made', async () => {
    server.on((r) => r.method === 'HEAD', { status: 404 });
    server.on((r) => r.method === 'PUT' && r.path === '/mymeet-transcripts', {
      status: 400,
      body: {
        error: {
          type: 'resource_already_exists_exception',
          reason: 'index [mymeet-transcripts/abc] already exists',
        },
        status: 400,
      },
    });
    await adapter.prepare();
  });

  it('searches visible passages only, best first, after the cursor, highlighting whole texts', async () => {
    server.on((r) => r.path === '/mymeet-transcripts/_search', {
      status: 200,
      // The shape of a sorted search response with highlights (Search API): max_score is null when sorting.
      body: {
        took: 3,
        timed_out: false,
        _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
        hits: {
          max_score: null,
          hits: [
            {
              _index: 'mymeet-transcripts',
              _id: `${RUN}:4`,
              _score: 2.6931472,
              _source: {
                meeting_id: MEETING,
                transcript_id: RUN,
                segment_index: 4,
                text: 'Our meetings & budgets',
              },
              highlight: {
                text_en: [`Our ${MARK_START}meetings${MARK_END} & budgets`],
                text: [`Our meetings & ${MARK_START}budgets${MARK_END}`],
              },
              sort: [2.6931472, RUN, 4],
            },
          ],
        },
      },
    });
    const request: SearchPageRequest = {
      query: { words: ['meeting'], phrases: ['next week'], prefix: 'budg' },
      viewerTerms: ['u:alice', 'e:alice@example.com'],
      filters: {
        meetingId: MEETING,
        from: new Date('2026-01-01T00:00:00Z'),
        language: 'en',
        speaker: 'Dana',
      },
      after: { score: 3.1, transcriptId: RUN, index: 2 },
      limit: 21,
    };
    const [hit] = await adapter.search(request);
    const sent = server.requests[0]!;
    assert.equal(`${sent.method} ${sent.path}`, 'POST /mymeet-transcripts/_search');
    assert.match(sent.contentType!, /^application\/vnd\.elasticsearch\+json; ?compatible-with=9$/);
    const body = JSON.parse(sent.body);
    assert.deepEqual(body.query.bool.filter, [
      { terms: { viewers: ['u:alice', 'e:alice@example.com'] } },
      { term: { meeting_id: MEETING } },
      { range: { occurs_at: { gte: '2026-01-01T00:00:00.000Z' } } },
      { term: { language: 'en' } },
      { term: { speaker: 'Dana' } },
    ]);
    assert.deepEqual(body.query.bool.must, [
      { multi_match: { query: 'meeting', fields: ['text_en', 'text_ru', 'text'], type: 'best_fields' } },
      { multi_match: { query: 'next week', fields: ['text_en', 'text_ru', 'text'], type: 'phrase' } },
      { multi_match: { query: 'budg', fields: ['text_en', 'text_ru', 'text'], type: 'bool_prefix' } },
    ]);
    assert.deepEqual(body.sort, [
      { _score: { order: 'desc' } },
      { transcript_id: { order: 'asc' } },
      { segment_index: { order: 'asc' } },
    ]);
    assert.deepEqual(body.search_after, [3.1, RUN, 2]);
    assert.equal(body.size, 21);
    assert.equal(body.track_total_hits, false);
    assert.deepEqual(body.highlight.pre_tags, [MARK_START]);
    assert.equal(body.highlight.number_of_fragments, 0);
    assert.deepEqual(Object.keys(body.highlight.fields), ['text_en', 'text_ru', 'text']);
    assert.deepEqual(hit, {
      meetingId: MEETING,
      transcriptId: RUN,
      index: 4,
      score: 2.6931472,
      text: 'Our meetings & budgets',
      ranges: [
        { start: 4, end: 12 },
        { start: 15, end: 22 },
      ],
    });
  });

  it('counts with the same query through the Count API', async () => {
    server.on((r) => r.path === '/mymeet-transcripts/_count', {
      status: 200,
      body: { count: 42, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 } },
    });
    const count = await adapter.count({
      query: { words: ['budget'], phrases: [], prefix: null },
      viewerTerms: ['u:alice'],
      filters: {},
    });
    assert.equal(count, 42);
    const body = JSON.parse(server.requests[0]!.body);
    assert.deepEqual(body.query.bool.filter, [{ terms: { viewers: ['u:alice'] } }]);
  });

  it("replaces a meeting's passages with one bulk request, then deletes what else the meeting had", async () => {
    server.on((r) => r.path === '/_bulk', {
      status: 200,
      body: {
        took: 30,
        errors: false,
        items: [
          {
            index: {
              _index: 'mymeet-transcripts',
              _id: `${RUN}:0`,
              _version: 1,
              result: 'created',
              status: 201,
            },
          },
          {
            index: {
              _index: 'mymeet-transcripts',
              _id: `${RUN}:1`,
              _version: 1,
              result: 'created',
              status: 201,
            },
          },
        ],
      },
    });
    server.on((r) => r.path === '/mymeet-transcripts/_delete_by_query', {
      status: 200,
      body: {
        took: 5,
        timed_out: false,
        total: 1,
        deleted: 1,
        batches: 1,
        version_conflicts: 0,
        noops: 0,
        failures: [],
      },
    });
    await adapter.writer().replaceMeeting(MEETING, [document(0, 'Hello'), document(1, 'Привет', 'russian')]);
    const [bulk, deletion] = server.requests;
    assert.equal(`${bulk!.method} ${bulk!.path}`, 'POST /_bulk');
    assert.match(bulk!.contentType!, /^application\/vnd\.elasticsearch\+x-ndjson; ?compatible-with=9$/);
    // NDJSON: an action line, then the document, each ending in a newline (Bulk API).
    assert.ok(bulk!.body.endsWith('\n'));
    const lines = bulk!.body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(lines[0], { index: { _index: 'mymeet-transcripts', _id: `${RUN}:0` } });
    assert.deepEqual(lines[1], {
      meeting_id: MEETING,
      transcript_id: RUN,
      segment_index: 0,
      text: 'Hello',
      text_en: 'Hello',
      speaker: 'S1',
      language: 'en',
      start_ms: 0,
      end_ms: 900,
      occurs_at: '2026-03-01T10:00:00.000Z',
      viewers: ['u:alice', 'e:bob@example.com'],
    });
    assert.equal(lines[3].text_ru, 'Привет');
    assert.equal(lines[3].text_en, undefined);
    assert.equal(bulk!.query.get('refresh'), 'false');
    assert.equal(`${deletion!.method} ${deletion!.path}`, 'POST /mymeet-transcripts/_delete_by_query');
    assert.equal(deletion!.query.get('conflicts'), 'proceed');
    assert.deepEqual(JSON.parse(deletion!.body).query, {
      bool: {
        filter: [{ term: { meeting_id: MEETING } }],
        must_not: [{ ids: { values: [`${RUN}:0`, `${RUN}:1`] } }],
      },
    });
  });

  it('fails the indexing step when Elasticsearch refuses a passage, naming why', async () => {
    server.on((r) => r.path === '/_bulk', {
      status: 200,
      body: {
        took: 2,
        errors: true,
        items: [
          {
            index: {
              _index: 'mymeet-transcripts',
              _id: `${RUN}:0`,
              status: 400,
              error: { type: 'document_parsing_exception', reason: '[1:2] failed to parse field [start_ms]' },
            },
          },
        ],
      },
    });
    await assert.rejects(
      adapter.writer().upsert([document(0, 'Hello')]),
      /document_parsing_exception: \[1:2\] failed to parse field \[start_ms\]/,
    );
  });

  it("removes a deleted meeting's passages by query", async () => {
    server.on((r) => r.path.endsWith('/_delete_by_query'), {
      status: 200,
      body: {
        took: 1,
        timed_out: false,
        total: 0,
        deleted: 0,
        batches: 0,
        version_conflicts: 0,
        noops: 0,
        failures: [],
      },
    });
    await adapter.writer().removeMeeting(MEETING);
    assert.deepEqual(JSON.parse(server.requests[0]!.body), { query: { term: { meeting_id: MEETING } } });
  });
});
