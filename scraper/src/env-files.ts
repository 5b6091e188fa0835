import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Merges `.env` files under the real environment, which always wins.
 * ENV_FILE names one file explicitly; otherwise `scraper/.env`, then `./.env` over it, are read if present.
 */
export function readEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Record<string, string | undefined> {
  const candidates = env.ENV_FILE
    ? [resolve(cwd, env.ENV_FILE)]
    : [resolve(packageDir, '.env'), resolve(cwd, '.env')];
  const merged: Record<string, string | undefined> = {};
  for (const file of candidates) {
    if (!existsSync(file)) {
      if (env.ENV_FILE) throw new Error(`ENV_FILE not found: ${file}`);
      continue;
    }
    Object.assign(merged, parseEnv(readFileSync(file, 'utf8')));
  }
  return { ...merged, ...env };
}
