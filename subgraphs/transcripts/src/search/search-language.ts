/** The text-search configurations the PostgreSQL engine stems with, and Elasticsearch's analyzers. */
export type SearchLanguage = 'english' | 'russian' | 'simple';

/** A transcript's language tag (`en`, `en-US`, `ru`) to the stemming used for it; other languages are not stemmed. */
export function searchLanguageOf(tag: string | null | undefined): SearchLanguage {
  switch (primaryLanguage(tag)) {
    case 'en':
      return 'english';
    case 'ru':
      return 'russian';
    default:
      return 'simple';
  }
}

/** The primary subtag, lower case (`en-US` → `en`): what the `language` filter compares. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary ? primary : null;
}
