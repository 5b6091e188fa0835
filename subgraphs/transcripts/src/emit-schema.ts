import 'reflect-metadata';
import { emitSubgraphSchema } from '@mymeet/server';
import { buildTranscriptsSchema } from './schema/build-transcripts-schema.js';

const { sdl } = await buildTranscriptsSchema();
emitSubgraphSchema(sdl, new URL('../../schema.graphql', import.meta.url));
