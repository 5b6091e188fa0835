import 'reflect-metadata';
import { emitSubgraphSchema } from '@mymeet/server';
import { buildMeetingsSchema } from './schema/build-meetings-schema.js';

const { sdl } = await buildMeetingsSchema();
emitSubgraphSchema(sdl, new URL('../../schema.graphql', import.meta.url));
