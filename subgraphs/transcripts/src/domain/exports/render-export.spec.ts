import assert from 'node:assert/strict';
import type { ExportSegment, ExportTranscript } from './export-input.js';
import { TranscriptFormat, renderExport } from './render-export.js';

const transcript: ExportTranscript = {
  id: '6f1c2f9e-3f0e-4f7a-9a51-0d7c1c2b3a4d',
  meetingId: '0b9f3c55-1b1e-4b55-8d6a-2c3d4e5f6a7b',
  status: 'COMPLETED',
  language: 'en',
  engine: 'pocketsphinx',
  durationSeconds: 3725,
  completedAt: new Date('2026-12-01T10:00:00.000Z'),
};

const segment = (
  index: number,
  startMs: number,
  endMs: number,
  text: string,
  speaker: string | null = null,
): ExportSegment => ({
  index,
  startMs,
  endMs,
  speaker,
  text,
  rawText: text,
  edited: false,
  confidence: 0.8,
});

describe('transcript exports', () => {
  it('writes SubRip cues numbered from 1, with hours and comma milliseconds, arrows kept out of the text', () => {
    const srt = renderExport(TranscriptFormat.SRT, transcript, [
      segment(0, 0, 1_500, 'Hello', 'Anna'),
      segment(1, 3_723_004, 3_725_000, 'so the arrow --> means next'),
    ]);
    assert.equal(
      srt,
      '1\n00:00:00,000 --> 00:00:01,500\nAnna: Hello\n\n2\n01:02:03,004 --> 01:02:05,000\nso the arrow -> means next\n',
    );
  });

  it('writes WebVTT with voices and escaped text, and a bare header when there is nothing to show', () => {
    const vtt = renderExport(TranscriptFormat.VTT, transcript, [
      segment(0, 500, 900, 'a < b & c > d', 'S<1>'),
    ]);
    assert.equal(vtt, 'WEBVTT\n\n1\n00:00:00.500 --> 00:00:00.900\n<v S&lt;1&gt;>a &lt; b &amp; c &gt; d\n');
    assert.equal(renderExport(TranscriptFormat.VTT, transcript, []), 'WEBVTT\n');
  });

  it('puts cues in time order with a positive length and leaves empty segments out', () => {
    const txt = renderExport(TranscriptFormat.TXT, transcript, [
      segment(0, 4_000, 4_000, 'second'),
      segment(1, 1_000, 2_000, 'first', 'S1'),
      segment(2, 5_000, 6_000, ''),
    ]);
    assert.equal(txt, '[00:00:01] S1: first\n[00:00:04] second\n');
    const vtt = renderExport(TranscriptFormat.VTT, transcript, [segment(0, 4_000, 4_000, 'instant')]);
    assert.match(vtt, /00:00:04\.000 --> 00:00:04\.001/);
  });

  it('gives the whole run as JSON, raw and edited text side by side', () => {
    const edited = {
      ...segment(0, 0, 1_000, 'Anna will send it'),
      rawText: 'and a will send it',
      edited: true,
    };
    const json = JSON.parse(renderExport(TranscriptFormat.JSON, transcript, [edited]));
    assert.equal(json.text, 'Anna will send it');
    assert.equal(json.completedAt, '2026-12-01T10:00:00.000Z');
    assert.deepEqual(json.segments[0], {
      index: 0,
      startMs: 0,
      endMs: 1_000,
      speaker: null,
      text: 'Anna will send it',
      rawText: 'and a will send it',
      edited: true,
      confidence: 0.8,
    });
  });
});
