import { GraphQLError, parse } from 'graphql';
import { ErrorCode } from '@mymeet/core';
import { measureDocument } from './document-shape.js';

export interface DocumentLimits {
  maxTokens: number;
  maxAliases: number;
  maxRootFields: number;
  maxDirectives: number;
  maxDepth: number;
}

/**
 * Refuses an operation whose text is too large or whose shape is too wide or deep, from a
 * token-capped parse and one linear pass, before GraphQL validation (whose overlap checks grow
 * faster than the document) ever sees it. Syntax errors are left to the regular parse.
 */
export function enforceDocumentLimits(query: string | undefined, limits: DocumentLimits): void {
  if (query === undefined) return;
  let document;
  try {
    document = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (error) {
    if (error instanceof GraphQLError && /Document contains more th\w+ \d+ tokens/.test(error.message)) {
      throw tooComplex(`Query has more than ${limits.maxTokens} tokens`);
    }
    return;
  }
  const shape = measureDocument(document);
  const checks: Array<[number, number, string]> = [
    [shape.aliases, limits.maxAliases, 'Too many aliases'],
    [shape.rootFields, limits.maxRootFields, 'Too many root fields'],
    [shape.directives, limits.maxDirectives, 'Too many directives'],
    [shape.depth, limits.maxDepth, 'Query depth too large'],
  ];
  for (const [value, limit, what] of checks) {
    if (value > limit) throw tooComplex(`${what}: ${value}, the limit is ${limit}`);
  }
}

export function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } },
  });
}
