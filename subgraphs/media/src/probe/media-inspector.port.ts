/** One elementary stream as the container describes it. */
export interface StreamReport {
  index: number;
  codecType: string;
  codecName?: string;
  sampleRate?: number;
  channels?: number;
  durationSeconds?: number;
  /** Cover art in audio files shows up as a one-frame video stream. */
  attachedPicture: boolean;
}

export interface ContainerReport {
  /** Demuxer names, e.g. ["mov", "mp4", "m4a", "3gp", "3g2", "mj2"]. */
  formatNames: string[];
  formatLongName?: string;
  durationSeconds?: number;
  bitRate?: number;
  /** 0–100: how sure the demuxer is that the bytes are its format. */
  probeScore: number;
  streams: StreamReport[];
}

export type InspectionResult =
  { readable: true; container: ContainerReport } | { readable: false; diagnostics: string };

/** Looks inside media reachable at a URL, reading as little of it as each question needs. */
export interface MediaInspectorPort {
  inspect(url: string): Promise<InspectionResult>;
  /** End time (seconds) of the last packet of a stream, reading from `fromSeconds` (or the whole file). */
  lastPacketEnd(
    url: string,
    streamIndex: number,
    fromSeconds: number | undefined,
  ): Promise<number | undefined>;
  /** Decodes the first `seconds` of a stream; returns how much decoded and how many errors it met. */
  decodeHead(
    url: string,
    streamIndex: number,
    seconds: number,
  ): Promise<{ decodedSeconds: number; errorCount: number }>;
}
