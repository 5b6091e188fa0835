import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  diarizationErrorRate,
  synthesizeMeeting,
  synthesizeRecording,
  type SynthesizedMeeting,
} from '@mymeet/testing';
import { OfflineSpeakerDiarizer } from './offline-diarizer.adapter.js';

/**
 * The ceiling for these meetings. Measured here with NIST's 250 ms collar: 0 to 1.5 % on these and
 * twelve other seeds of 2 to 4 flite voices with noise and each turn's voice varied by ±3 % (0.5 to
 * 3.2 % without the collar), always the right number of speakers; a voice split in two costs 15 %
 * or more, two voices merged 40 %. So 8 % passes the diarizer as it is with room for the seed, and
 * fails it the moment it loses or invents a speaker. (Published systems on real meetings: 11-23 %;
 * synthetic voices are easier, see the README.)
 */
const MAX_DER = 0.08;

describe('offline diarizer on synthesized meetings', function () {
  this.timeout(120_000);
  const diarizer = new OfflineSpeakerDiarizer();
  const meetings: SynthesizedMeeting[] = [];
  const workDir = mkdtempSync(join(tmpdir(), 'diarizer-spec-'));
  after(() => {
    meetings.forEach((meeting) => meeting.remove());
    rmSync(workDir, { recursive: true, force: true });
  });

  const meeting = (voices: string[], seconds: number, seed: number) => {
    const made = synthesizeMeeting({
      voices,
      durationSeconds: seconds,
      seed,
      noise: 0.005,
      voiceJitter: 0.03,
    });
    meetings.push(made);
    return made;
  };

  const diarize = async (made: SynthesizedMeeting, maxSpeakers?: number) => {
    const result = await diarizer.diarize(
      { pcmPath: made.pcmPath, durationMs: made.durationMs, maxSpeakers },
      new AbortController().signal,
    );
    const score = diarizationErrorRate(made.reference, result.turns);
    return { result, score };
  };

  for (const [voices, seconds, seed] of [
    [['rms', 'slt'], 90, 101],
    [['awb', 'rms'], 90, 102],
    [['rms', 'slt', 'awb'], 120, 103],
    [['slt', 'kal16', 'awb'], 120, 104],
  ] as const) {
    it(`tells ${voices.length} voices apart (${voices.join(', ')}): the right count, DER under ${MAX_DER * 100} %`, async () => {
      const made = meeting([...voices], seconds, seed);
      const { result, score } = await diarize(made);
      assert.equal(
        result.speakers.length,
        voices.length,
        JSON.stringify(result.speakers.map((s) => s.label)),
      );
      assert.ok(
        score.errorRate < MAX_DER,
        `DER ${(score.errorRate * 100).toFixed(2)} % (missed ${score.missedMs} ms, false alarm ${score.falseAlarmMs} ms, confusion ${score.confusionMs} ms)`,
      );
      // Labels are S1, S2… in order of first appearance, each with a voiceprint.
      assert.deepEqual(
        result.speakers.map((speaker) => speaker.label),
        voices.map((_, i) => `S${i + 1}`),
      );
      assert.equal(result.turns[0]!.speaker, 'S1');
      for (const speaker of result.speakers) assert.equal(speaker.voiceprint?.vector.length, 38);
      for (let i = 1; i < result.turns.length; i++)
        assert.ok(result.turns[i]!.startMs >= result.turns[i - 1]!.endMs);
    });
  }

  it('does not split a voice by what it says when each person says little (the same two lines, three times)', async () => {
    // Each voice has only 8 s of distinct speech: short Gaussians follow the words as much as the voice.
    const lines = [
      ['rms', 'Good morning everyone, let us start with the quarterly budget review.'],
      ['slt', 'The marketing team will present the new campaign next week.'],
      ['awb', 'We need to hire two more engineers before the end of the year.'],
      ['kal16', 'Please send the meeting notes to all participants by Friday.'],
      ['rms', 'The customer reported a problem with the payment page yesterday.'],
      ['slt', 'Our sales grew by ten percent in the last quarter.'],
      ['awb', 'The server was down for about an hour on Tuesday night.'],
      ['kal16', 'Thank you all for joining, and have a great weekend.'],
    ] as const;
    const recording = synthesizeRecording({
      turns: [...lines, ...lines, ...lines].map(([voice, text]) => ({ voice, text })),
      pauseMs: 700,
      directory: workDir,
    });
    const pcmPath = join(workDir, 'repeated.pcm');
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-i',
      recording.path,
      '-ac',
      '1',
      '-ar',
      '16000',
      '-f',
      's16le',
      pcmPath,
    ]);
    const result = await diarizer.diarize(
      { pcmPath, durationMs: recording.durationMs },
      new AbortController().signal,
    );
    assert.equal(result.speakers.length, 4, result.speakers.map((s) => s.label).join(' '));
    const reference = recording.turns.map((turn) => ({
      startMs: turn.startMs,
      endMs: turn.endMs,
      speaker: turn.voice,
    }));
    const score = diarizationErrorRate(reference, result.turns);
    assert.ok(score.errorRate < MAX_DER, `DER ${score.errorRate}`);
  });

  it("keeps to the meeting's participant count when the job knows it", async () => {
    const made = meeting(['rms', 'slt', 'awb'], 60, 105);
    const { result } = await diarize(made, 2);
    assert.equal(result.speakers.length, 2);
  });

  it('finds one speaker in a monologue and nobody in silence', async () => {
    const alone = meeting(['slt'], 40, 106);
    const { result, score } = await diarize(alone);
    assert.equal(result.speakers.length, 1);
    assert.ok(score.errorRate < MAX_DER, `DER ${score.errorRate}`);
    const silence = join(alone.pcmPath, '..', 'silence.pcm');
    writeFileSync(silence, Buffer.alloc(16_000 * 2 * 5));
    const quiet = await diarizer.diarize(
      { pcmPath: silence, durationMs: 5_000 },
      new AbortController().signal,
    );
    assert.deepEqual(quiet, { turns: [], speakers: [] });
  });

  it('stops when the job is aborted', async () => {
    const made = meeting(['rms', 'slt'], 30, 107);
    const controller = new AbortController();
    const running = diarizer.diarize(
      { pcmPath: made.pcmPath, durationMs: made.durationMs },
      controller.signal,
    );
    controller.abort(new Error('shutting down'));
    await assert.rejects(running, /shutting down/);
  });
});
