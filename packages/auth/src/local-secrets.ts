import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Secrets that `npm start` generates once for a local install (`.data/secrets.env`), so a single
 * machine works without configuration. Production sets them in the environment instead.
 */
export function readLocalSecrets(root = process.cwd()): Record<string, string | undefined> {
  const file = resolve(root, '.data/secrets.env');
  return existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
}
