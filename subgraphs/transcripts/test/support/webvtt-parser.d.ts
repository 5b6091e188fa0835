/** The W3C WebVTT validator's parser (webvtt-parser on npm ships no types). */
declare module 'webvtt-parser' {
  export interface WebVTTNode {
    type: 'object' | 'text' | 'timestamp';
    name?: string;
    /** Text, or a `<v>` span's annotation (the voice). */
    value?: string;
    children?: WebVTTNode[];
  }

  export interface WebVTTCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
    tree: { children: WebVTTNode[] };
  }

  interface WebVTTParser {
    parse(
      input: string,
      mode?: 'metadata' | 'chapters',
    ): { cues: WebVTTCue[]; errors: Array<{ message: string; line: number; col: number }> };
  }

  /** CommonJS: its exports are set at run time, so Node sees only a default export. */
  const webvtt: { WebVTTParser: new (entities?: Record<string, string>) => WebVTTParser };
  export default webvtt;
}
