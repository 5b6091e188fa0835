import { MediaError } from '../domain/media-error.js';
import { ALLOWED_CONTAINERS } from '../domain/media-types.js';
import type {
  ContainerReport,
  InspectionResult,
  MediaInspectorPort,
  StreamReport,
} from './media-inspector.port.js';
import { runBoundedProcess, type BoundedProcessResult } from './run-bounded-process.js';

export interface FfprobeInspectorConfig {
  ffprobePath: string;
  ffmpegPath: string;
  /** Per command; a stalled read fails sooner through `rw_timeout`. */
  timeoutMs: number;
}

/**
 * Input options for every ffmpeg/ffprobe run on user bytes: network reads only over HTTP(S) and
 * only our demuxers, so a crafted playlist or concat file cannot make ffmpeg open other URLs or
 * local files.
 */
function inputGuards(): string[] {
  const containers = ALLOWED_CONTAINERS.join(',');
  return words(`-protocol_whitelist http,https,tcp,tls -format_whitelist ${containers} -rw_timeout 15000000`);
}

/** Splits a fixed option string; user-controlled values (the URL) are always passed separately. */
function words(options: string): string[] {
  return options.split(' ');
}

/** Media inspection with Debian's ffprobe/ffmpeg reading presigned URLs: bytes stream, never land in memory. */
export class FfprobeInspector implements MediaInspectorPort {
  constructor(private readonly config: FfprobeInspectorConfig) {}

  async inspect(url: string): Promise<InspectionResult> {
    const result = await this.run(this.config.ffprobePath, [
      ...words('-v error -hide_banner'),
      ...inputGuards(),
      ...words('-of json -show_format -show_streams'),
      url,
    ]);
    if (result.exitCode !== 0) return { readable: false, diagnostics: result.stderr.trim() };
    return { readable: true, container: toContainerReport(JSON.parse(result.stdout) as FfprobeJson) };
  }

  async lastPacketEnd(
    url: string,
    streamIndex: number,
    fromSeconds: number | undefined,
  ): Promise<number | undefined> {
    const interval =
      fromSeconds === undefined ? [] : ['-read_intervals', `${Math.max(0, fromSeconds).toFixed(3)}%`];
    const result = await this.run(
      this.config.ffprobePath,
      [
        ...words('-v error -hide_banner'),
        ...inputGuards(),
        ...interval,
        ...words(`-select_streams ${streamIndex} -show_entries packet=pts_time,duration_time -of csv=p=0`),
        url,
      ],
      'tail',
    );
    let end: number | undefined;
    for (const line of result.stdout.split('\n').slice(-50)) {
      const [pts, duration] = line.split(',').map(Number);
      if (pts === undefined || !Number.isFinite(pts)) continue;
      const packetEnd = pts + (Number.isFinite(duration) ? duration! : 0);
      end = Math.max(end ?? 0, packetEnd);
    }
    return end;
  }

  async decodeHead(
    url: string,
    streamIndex: number,
    seconds: number,
  ): Promise<{ decodedSeconds: number; errorCount: number }> {
    const result = await this.run(this.config.ffmpegPath, [
      ...words('-nostdin -v error -hide_banner'),
      ...inputGuards(),
      ...words(`-t ${seconds}`),
      ...['-i', url],
      ...words(`-map 0:${streamIndex} -f null - -progress pipe:1 -nostats`),
    ]);
    const times = [...result.stdout.matchAll(/^out_time_us=(\d+)$/gm)].map((m) => Number(m[1]));
    const errorCount = result.stderr
      .split('\n')
      .filter((l) => l.trim() && !/^\s*Last message repeated/.test(l)).length;
    return { decodedSeconds: (times.at(-1) ?? 0) / 1e6, errorCount };
  }

  private async run(
    command: string,
    args: string[],
    keepStdout: 'head' | 'tail' = 'head',
  ): Promise<BoundedProcessResult> {
    const result = await runBoundedProcess(command, args, { timeoutMs: this.config.timeoutMs, keepStdout });
    if (result.timedOut) {
      throw new MediaError('PROBE_UNAVAILABLE', 'Checking the media took too long; try again later.', {
        reason: 'PROBE_TIMEOUT',
      });
    }
    return result;
  }
}

interface FfprobeJson {
  format?: {
    format_name?: string;
    format_long_name?: string;
    duration?: string;
    bit_rate?: string;
    probe_score?: number;
  };
  streams?: Array<{
    index?: number;
    codec_type?: string;
    codec_name?: string;
    sample_rate?: string;
    channels?: number;
    duration?: string;
    disposition?: { attached_pic?: number };
  }>;
}

function toContainerReport(json: FfprobeJson): ContainerReport {
  const streams: StreamReport[] = (json.streams ?? []).map((s, i) => ({
    index: s.index ?? i,
    codecType: s.codec_type ?? 'unknown',
    codecName: s.codec_name,
    sampleRate: positive(s.sample_rate),
    channels: positive(s.channels),
    durationSeconds: positive(s.duration),
    attachedPicture: s.disposition?.attached_pic === 1,
  }));
  return {
    formatNames: (json.format?.format_name ?? '').split(',').filter(Boolean),
    formatLongName: json.format?.format_long_name,
    durationSeconds: positive(json.format?.duration),
    bitRate: positive(json.format?.bit_rate),
    probeScore: json.format?.probe_score ?? 0,
    streams,
  };
}

function positive(value: string | number | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}
