import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import SrtParser from 'srt-parser-2';
import webvtt, { type WebVTTNode } from 'webvtt-parser';

const run = promisify(execFile);
// The spec's full table of character references; the parser's default knows only a few, without `;`.
const HTML_ENTITIES = createRequire(import.meta.url)('webvtt-parser/html-entities.json') as Record<
  string,
  string
>;

export interface ParsedCue {
  startMs: number;
  endMs: number;
  /** The `<v>` voice (WebVTT) or `Name:` prefix (SubRip), when present. */
  voice: string | null;
  text: string;
}

/** Parses WebVTT with the W3C validator's parser; throws listing every error it reports. */
export function parseVtt(vtt: string): ParsedCue[] {
  const { cues, errors } = new webvtt.WebVTTParser(HTML_ENTITIES).parse(vtt);
  if (errors.length) throw new Error(`WebVTT errors: ${JSON.stringify(errors)}`);
  return cues.map((cue) => {
    const voiceSpan = cue.tree.children.find((node) => node.type === 'object' && node.name === 'v');
    return {
      startMs: Math.round(cue.startTime * 1000),
      endMs: Math.round(cue.endTime * 1000),
      voice: voiceSpan?.value ?? null,
      text: textOf(cue.tree.children),
    };
  });
}

function textOf(nodes: readonly WebVTTNode[]): string {
  return nodes
    .map((node) => (node.type === 'text' ? (node.value ?? '') : textOf(node.children ?? [])))
    .join('');
}

/** Parses SubRip with srt-parser-2, taking a leading `Name: ` as the voice. */
export function parseSrt(srt: string): ParsedCue[] {
  // The package is CommonJS with a default export.
  const Parser = ((SrtParser as unknown as { default?: typeof SrtParser }).default ??
    SrtParser) as typeof SrtParser;
  return new Parser().fromSrt(srt).map((line) => {
    const match = /^(S\d+|[^:]{1,40}): (.*)$/s.exec(line.text);
    return {
      startMs: Math.round(line.startSeconds * 1000),
      endMs: Math.round(line.endSeconds * 1000),
      voice: match ? match[1]! : null,
      text: match ? match[2]! : line.text,
    };
  });
}

/**
 * How many cues ffmpeg (a standard tool players build on) reads from a subtitle file: it converts
 * the file to the other format and the cues are counted there. Fails when ffmpeg cannot read it.
 */
export async function ffmpegCueCount(content: string, format: 'srt' | 'vtt'): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'transcript-export-'));
  try {
    const input = join(dir, `transcript.${format}`);
    await writeFile(input, content);
    const target = format === 'srt' ? 'webvtt' : 'srt';
    const { stdout } = await run('ffmpeg', ['-nostdin', '-v', 'error', '-i', input, '-f', target, '-']);
    return (stdout.match(/-->/g) ?? []).length;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
