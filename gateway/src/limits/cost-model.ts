/**
 * What each field of the supergraph costs, in rough units of work (one object resolved = 1).
 * Lists multiply their selection by how long they can be: a paginated list by `first` (or the
 * page size its resolver applies when `first` is absent or null), any other list by the largest
 * length its service allows. Mutations cost what the work they start costs, and the expensive
 * ones are capped per operation. `cost-model.spec.ts` fails when a new list or mutation field has
 * no entry, so nothing is costed by accident.
 */
export interface CostModel {
  /** `Type.field` of lists without `first`: their longest possible length. */
  listBounds: Readonly<Record<string, number>>;
  /** `Type.field` of lists paginated by `first`: the size used when `first` is absent or null. */
  defaultPageSizes: Readonly<Record<string, number>>;
  /** `Mutation.field`: the cost of one call and how many one operation may carry. */
  mutations: Readonly<Record<string, { cost: number; maxPerOperation: number }>>;
}

export const COST_MODEL: CostModel = {
  listBounds: {
    // Counted by the parent's `first`: the connection field multiplies its whole selection.
    'MeetingConnection.edges': 1,
    // meetings/src/domain/meeting-input.ts LIMITS.participants.
    'Meeting.participants': 200,
    // Recordings per meeting: an upload or import per attempt; media keeps them all, so this is a
    // working bound rather than one media enforces (see README, security).
    'Meeting.media': 50,
    // The default upload policy: 4 GiB files in 16 MiB parts (media's MEDIA_MAX_UPLOAD_BYTES and
    // MEDIA_PART_SIZE_BYTES); raise it with them.
    'MediaUpload.parts': 256,
    'TranscriptSegmentConnection.edges': 1,
    // Transcription runs per meeting (one per recording and per retranscription): a working bound.
    'Meeting.transcripts': 20,
    // Voices of one run: the diarizer's count (a working bound; meetings rarely have more).
    'Transcript.speakers': 50,
    // subgraphs/meetings/src/domain/meeting-input.ts LIMITS.vocabularyTerms.
    'Meeting.vocabulary': 100,
    // reports/src/domain/report-vocabulary.ts REPORT_POLICY and contracts' REPORT_LIMITS.
    'Meeting.reports': 50,
    'Report.keyPoints': 25,
    'Report.keyPointDetails': 25,
    'Report.decisions': 40,
    'Report.decisionItems': 40,
    'Report.actionItems': 60,
    'Report.topics': 20,
    'Report.topicDetails': 20,
    'Report.attendees': 50,
    'Report.agenda': 25,
    'Report.summarySegments': 40,
    'Report.deliveries': 20,
    'ReportPoint.segments': 20,
    'ActionItem.segments': 20,
    'Decision.segments': 20,
    'ReportDelivery.recipients': 50,
    'ReportDelivery.accepted': 50,
    'ReportDelivery.rejected': 50,
    'TranscriptSearchConnection.edges': 1,
  },
  defaultPageSizes: {
    // meetings/src/services/meeting.service.ts PAGE_SIZE.default.
    'Query.meetings': 20,
    // transcripts/src/domain/segment-cursor.ts SEGMENT_PAGE.default.
    'Transcript.segments': 100,
    // transcripts/src/search/transcript-search.service.ts SEARCH_PAGE.default.
    'Query.searchTranscripts': 20,
  },
  mutations: {
    'Mutation.createMeeting': { cost: 10, maxPerOperation: 10 },
    'Mutation.updateMeeting': { cost: 10, maxPerOperation: 10 },
    'Mutation.deleteMeeting': { cost: 10, maxPerOperation: 10 },
    // Each opens storage uploads (up to 256 presigned parts) or a server-side fetch.
    'Mutation.requestMediaUpload': { cost: 100, maxPerOperation: 3 },
    'Mutation.importMediaFromUrl': { cost: 200, maxPerOperation: 3 },
    // Runs ffprobe over the stored object.
    'Mutation.completeMediaUpload': { cost: 200, maxPerOperation: 3 },
    'Mutation.abortMediaUpload': { cost: 10, maxPerOperation: 10 },
    // Queues a whole speech-recognition job.
    'Mutation.retranscribe': { cost: 200, maxPerOperation: 1 },
    'Mutation.editTranscriptSegment': { cost: 10, maxPerOperation: 20 },
    'Mutation.nameSpeaker': { cost: 10, maxPerOperation: 20 },
    // Queues a whole report run (a model's tokens when an LLM is configured).
    'Mutation.generateReport': { cost: 200, maxPerOperation: 1 },
    // Queues one e-mail to up to 50 recipients.
    'Mutation.sendReport': { cost: 100, maxPerOperation: 1 },
    'Mutation.setActionItemStatus': { cost: 10, maxPerOperation: 20 },
    'Mutation.setDecisionStatus': { cost: 10, maxPerOperation: 20 },
  },
};

/** For a mutation a newer subgraph added before it got an entry: costly and rare until someone decides. */
export const UNLISTED_MUTATION = { cost: 100, maxPerOperation: 1 } as const;
/** For a list a newer subgraph added before it got an entry. */
export const UNLISTED_LIST_BOUND = 100;
