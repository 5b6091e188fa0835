import { Client } from '@elastic/elasticsearch';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { TranscriptsConfig } from '../config.js';
import { ElasticsearchSearchAdapter } from './elasticsearch-search.adapter.js';
import { PostgresSearchAdapter } from './postgres-search.adapter.js';
import type { TranscriptSearchPort } from './transcript-search.port.js';

/** The engine the configuration names: PostgreSQL (the default) or Elasticsearch at ELASTICSEARCH_URL. */
export function createSearchEngine(config: TranscriptsConfig['search'], orm: MikroORM): TranscriptSearchPort {
  if (config.engine === 'postgres') return new PostgresSearchAdapter(orm);
  const elasticsearch = config.elasticsearch!;
  const client = new Client({
    node: elasticsearch.url,
    ...(elasticsearch.apiKey ? { auth: { apiKey: elasticsearch.apiKey } } : {}),
    requestTimeout: 30_000,
    maxRetries: 3,
  });
  return new ElasticsearchSearchAdapter(client, { index: elasticsearch.index });
}
