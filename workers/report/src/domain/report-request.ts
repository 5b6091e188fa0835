/** One timed passage of the transcript, as the transcripts service returns it. */
export interface Segment {
  index: number;
  startMs: number;
  endMs: number;
  /** A name once the owner gave one, else a diarizer label (S1, S2…), else null. */
  speaker: string | null;
  text: string;
}

/** Someone invited to the meeting, as the meeting's record names them (a name only when one was given). */
export interface Participant {
  email: string | null;
  name: string | null;
}

export type ReportTemplate = 'SUMMARY' | 'PROTOCOL' | 'ACTION_ITEMS';

/** Languages the offline summariser has word lists and cue phrases for; others get the English rules. */
export type ReportLanguage = 'en' | 'ru';

/** What one report run is asked to produce. */
export interface ReportRequest {
  template: ReportTemplate;
  /** Free text from the user ("focus on the budget"); prompts carry it, the offline ranker favours its words. */
  instructions: string | null;
  language: ReportLanguage;
  /** What relative due dates count from (the day the meeting was transcribed). */
  referenceDate: Date;
  /** The meeting's participants: the offline summariser matches owners said in the meeting against them. */
  participants?: readonly Participant[];
}
