import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Where `npm start` keeps the secrets it generates once for a local install, so a single machine
 * works without configuration. Production sets them in the environment instead.
 */
export function localSecretsFile(root = process.cwd()): string {
  return resolve(root, '.data/secrets.env');
}

export function readLocalSecrets(root = process.cwd()): Record<string, string | undefined> {
  const file = localSecretsFile(root);
  return existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
}
