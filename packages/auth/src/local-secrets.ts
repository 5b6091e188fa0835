import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseEnv } from 'node:util';

/** Owner read/write only: nobody else on the machine may read the generated secrets. */
export const LOCAL_SECRETS_MODE = 0o600;

/**
 * Where `npm start` keeps the secrets it generates once for a local install, so a single machine
 * works without configuration. Production sets them in the environment instead.
 */
export function localSecretsFile(root = process.cwd()): string {
  return resolve(root, '.data/secrets.env');
}

/** Reads the file, first narrowing it to mode 0600 if it was readable by others (an older install, a copy). */
export function readLocalSecrets(root = process.cwd()): Record<string, string | undefined> {
  const file = localSecretsFile(root);
  if (!existsSync(file)) return {};
  restrictMode(file);
  return parseEnv(readFileSync(file, 'utf8'));
}

/**
 * Writes the file with mode 0600 whatever the umask, and whether or not it existed before (a plain
 * write keeps an existing file's mode): written beside it, narrowed, then renamed over it.
 */
export function writeLocalSecrets(root: string, content: string): void {
  const file = localSecretsFile(root);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: LOCAL_SECRETS_MODE });
  chmodSync(temporary, LOCAL_SECRETS_MODE);
  renameSync(temporary, file);
}

function restrictMode(file: string): void {
  if ((statSync(file).mode & 0o777) !== LOCAL_SECRETS_MODE) chmodSync(file, LOCAL_SECRETS_MODE);
}
