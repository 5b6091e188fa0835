import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Deployable {
  name: string;
  entry: string;
  /** The port of its HTTP server (GraphQL, or health and metrics for workers). */
  port: number;
  portVariable: string;
}

/** Every process of the platform, in start order (the gateway last). Only the built ones run. */
const ALL: Deployable[] = [
  {
    name: 'meetings',
    entry: 'subgraphs/meetings/dist/src/main.js',
    port: 4001,
    portVariable: 'MEETINGS_PORT',
  },
  { name: 'media', entry: 'subgraphs/media/dist/src/main.js', port: 4002, portVariable: 'MEDIA_PORT' },
  {
    name: 'transcripts',
    entry: 'subgraphs/transcripts/dist/src/main.js',
    port: 4003,
    portVariable: 'TRANSCRIPTS_PORT',
  },
  { name: 'reports', entry: 'subgraphs/reports/dist/src/main.js', port: 4004, portVariable: 'REPORTS_PORT' },
  { name: 'asr-worker', entry: 'workers/asr/dist/src/main.js', port: 4101, portVariable: 'ASR_WORKER_PORT' },
  {
    name: 'report-worker',
    entry: 'workers/report/dist/src/main.js',
    port: 4102,
    portVariable: 'REPORT_WORKER_PORT',
  },
  { name: 'gateway', entry: 'gateway/dist/src/main.js', port: 4000, portVariable: 'GATEWAY_PORT' },
];

export function builtDeployables(root: string): Deployable[] {
  return ALL.filter((deployable) => existsSync(resolve(root, deployable.entry)));
}
