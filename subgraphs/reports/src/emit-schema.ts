import 'reflect-metadata';
import { emitSubgraphSchema } from '@mymeet/server';
import { buildReportsSchema } from './schema/build-reports-schema.js';

const { sdl } = await buildReportsSchema();
emitSubgraphSchema(sdl, new URL('../../schema.graphql', import.meta.url));
