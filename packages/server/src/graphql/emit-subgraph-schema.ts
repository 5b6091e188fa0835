import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Writes a subgraph's SDL where composition reads it; with `--check` on the command line it only
 * compares and exits non-zero when the committed file is stale.
 */
export function emitSubgraphSchema(sdl: string, file: URL, argv: string[] = process.argv): void {
  const path = file.pathname;
  if (!argv.includes('--check')) {
    writeFileSync(file, sdl);
    console.log(`wrote ${path}`);
    return;
  }
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (committed !== sdl) {
    console.error(`${path} is stale: run \`npm run build\` and commit it.`);
    process.exitCode = 1;
  }
}
