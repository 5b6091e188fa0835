import type { estypes } from '@elastic/elasticsearch';

/**
 * The index template every transcripts index is made from. A passage's text is analysed once as
 * written (lower-cased words: prefixes and exact forms) and once by the stemmer of its transcript's
 * language (`text_en`, `text_ru`, filled only for that language), as the PostgreSQL engine does.
 */
export function indexTemplate(index: string): estypes.IndicesPutIndexTemplateRequest {
  return {
    name: `${index}-template`,
    index_patterns: [`${index}*`],
    priority: 100,
    template: {
      settings: {
        number_of_shards: 1,
        analysis: {
          analyzer: {
            mymeet_words: { type: 'custom', tokenizer: 'standard', filter: ['lowercase'] },
            mymeet_english: { type: 'english' },
            mymeet_russian: { type: 'russian' },
          },
          normalizer: {
            mymeet_lowercase: { type: 'custom', filter: ['lowercase'] },
          },
        },
      },
      mappings: {
        dynamic: 'strict',
        properties: {
          meeting_id: { type: 'keyword' },
          transcript_id: { type: 'keyword' },
          segment_index: { type: 'integer' },
          text: { type: 'text', analyzer: 'mymeet_words' },
          text_en: { type: 'text', analyzer: 'mymeet_english' },
          text_ru: { type: 'text', analyzer: 'mymeet_russian' },
          speaker: { type: 'keyword', normalizer: 'mymeet_lowercase' },
          language: { type: 'keyword' },
          start_ms: { type: 'integer' },
          end_ms: { type: 'integer' },
          occurs_at: { type: 'date' },
          viewers: { type: 'keyword' },
        },
      },
    },
  };
}

/** The fields a query's words are looked up in, stemmed first. */
export const TEXT_FIELDS = ['text_en', 'text_ru', 'text'] as const;
