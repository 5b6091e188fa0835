#!/usr/bin/env node
// Emits every built subgraph's schema.graphql and composes supergraph.graphql.
// With --check (CI) it writes nothing and fails when a committed file is stale or composition fails.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const flags = process.argv.includes('--check') ? ['--check'] : [];
let failed = false;
const run = (script) => {
  try {
    execFileSync(process.execPath, [script, ...flags], { stdio: 'inherit' });
  } catch {
    failed = true;
  }
};
for (const name of readdirSync(resolve(root, 'subgraphs'))) {
  const emitter = resolve(root, 'subgraphs', name, 'dist/src/emit-schema.js');
  if (existsSync(emitter)) run(emitter);
}
run(resolve(root, 'scripts/compose-supergraph.js'));
process.exit(failed ? 1 : 0);
