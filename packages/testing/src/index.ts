export { testDatabaseUrl, dropDatabase } from './test-database.js';
export { testSecrets, testNatsUrl } from './test-secrets.js';
export { graphqlClient, errorCode, type GraphQLResponse } from './graphql-client.js';
export { eventually } from './eventually.js';
export { freePort } from './free-port.js';
export { spawnService, repoRoot, type SpawnedService } from './spawn-service.js';
export { publishEvent, deliverAgain, eventsOf, readEvent, takeJobs } from './jetstream-probe.js';
export { subgraphClient } from './subgraph-client.js';
export { waitForCatchUp } from './wait-for-catch-up.js';
export {
  diarizationErrorRate,
  type DiarizationScore,
  type SpeakerSpan,
  type ScoringOptions,
} from './diarization-error-rate.js';
export {
  synthesizeMeeting,
  type MeetingSynthesisOptions,
  type SynthesizedMeeting,
} from './synthesized-meeting.js';
export { answerSegmentRequests } from './segments-responder.js';
export { wordErrorRate, wordEdits, normaliseWords } from './word-error-rate.js';
export {
  synthesizeRecording,
  type SpokenTurn,
  type SynthesizedRecording,
  type SynthesisOptions,
} from './speech-recording.js';
