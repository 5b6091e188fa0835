import 'reflect-metadata';
import { emitSubgraphSchema } from '@mymeet/server';
import { buildMediaSchema } from './schema/build-media-schema.js';

const { sdl } = await buildMediaSchema();
emitSubgraphSchema(sdl, new URL('../../schema.graphql', import.meta.url));
