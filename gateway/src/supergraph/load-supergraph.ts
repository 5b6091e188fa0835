import { readFileSync } from 'node:fs';

/** The composed supergraph the gateway serves (`npm run compose` writes it). */
export function loadSupergraph(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the supergraph at ${path}: run \`npm run compose\` first`, { cause: error });
  }
}
