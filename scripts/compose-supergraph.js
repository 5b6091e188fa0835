#!/usr/bin/env node
// Composes supergraph.graphql from supergraph.yaml (rover's format) with Apollo's JS composition library.
// `--check` fails when the committed supergraph is stale; composition errors always fail.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import YAML from 'yaml';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const check = process.argv.includes('--check');
const config = YAML.parse(readFileSync(resolve(root, 'supergraph.yaml'), 'utf8'));
const services = Object.entries(config.subgraphs ?? {})
  .filter(([, subgraph]) => existsSync(resolve(root, subgraph.schema.file)))
  .map(([name, subgraph]) => ({
    name,
    url: subgraph.routing_url,
    typeDefs: parse(readFileSync(resolve(root, subgraph.schema.file), 'utf8')),
  }));
if (services.length === 0) {
  console.error('No subgraph schema found; run the build first (it emits subgraphs/*/schema.graphql).');
  process.exit(1);
}
const result = composeServices(services);
if (result.errors?.length) {
  console.error('Composition failed:');
  for (const error of result.errors) console.error(`  - ${error.message}`);
  process.exit(1);
}
const output = resolve(root, 'supergraph.graphql');
const supergraph = `${result.supergraphSdl.trim()}\n`;
if (check) {
  const committed = existsSync(output) ? readFileSync(output, 'utf8') : '';
  if (committed !== supergraph) {
    console.error('supergraph.graphql is stale: run `npm run compose` and commit it.');
    process.exit(1);
  }
  console.log(`supergraph.graphql is up to date (${services.map((s) => s.name).join(', ')}).`);
} else {
  writeFileSync(output, supergraph);
  console.log(`Composed ${services.map((s) => s.name).join(', ')} into supergraph.graphql`);
}
for (const hint of result.hints ?? []) console.warn(`hint: ${hint.message}`);
