import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { diarizationErrorRate, synthesizeMeeting, type SynthesizedMeeting } from '@mymeet/testing';
import type { Diarization, SpeakerDiarizer } from '../speaker-diarizer.port.js';
import { MultichannelSpeakerDiarizer } from './multichannel-diarizer.adapter.js';

/** Stands for the mix diarizer: says who was asked. */
class RecordingMixDiarizer implements SpeakerDiarizer {
  readonly name = 'mix';
  readonly wantsChannels = false;
  calls = 0;
  async assertReady(): Promise<void> {}
  async diarize(): Promise<Diarization> {
    this.calls += 1;
    return {
      turns: [{ startMs: 0, endMs: 1, speaker: 'S1' }],
      speakers: [{ label: 'S1', voiceprint: null }],
    };
  }
}

describe('multichannel diarizer: one speaker per channel', function () {
  this.timeout(120_000);
  const meetings: SynthesizedMeeting[] = [];
  after(() => meetings.forEach((meeting) => meeting.remove()));
  const signal = new AbortController().signal;

  it('labels every turn by its channel, exactly, with headset crosstalk on the other channel', async () => {
    const stereo = synthesizeMeeting({
      voices: ['rms', 'slt'],
      durationSeconds: 60,
      seed: 201,
      layout: 'per-speaker',
      noise: 0.003,
    });
    meetings.push(stereo);
    const mix = new RecordingMixDiarizer();
    const result = await new MultichannelSpeakerDiarizer(mix, 'auto').diarize(
      {
        pcmPath: '/unused',
        durationMs: stereo.durationMs,
        multichannel: { path: stereo.pcmPath, channels: 2 },
      },
      signal,
    );
    assert.equal(mix.calls, 0);
    assert.deepEqual(
      result.speakers.map((s) => s.label),
      ['S1', 'S2'],
    );
    // Channel 1 carries rms, channel 2 slt: the labels are fixed by the channel, not found by matching.
    const reference = stereo.reference.map((span) => ({
      ...span,
      speaker: span.speaker === 'rms' ? 'S1' : 'S2',
    }));
    const exact = diarizationErrorRate(reference, result.turns, { collarMs: 0 });
    assert.equal(exact.confusionMs, 0, 'no speech is given to the wrong channel');
    assert.deepEqual(
      [...exact.mapping],
      [
        ['S1', 'S1'],
        ['S2', 'S2'],
      ],
    );
    assert.ok(exact.errorRate < 0.03, `missed ${exact.missedMs} ms, false alarm ${exact.falseAlarmMs} ms`);
    for (const turn of stereo.turns) {
      const inside = result.turns.filter((t) => t.startMs < turn.endMs && t.endMs > turn.startMs);
      assert.deepEqual(
        [...new Set(inside.map((t) => t.speaker))],
        [turn.voice === 'rms' ? 'S1' : 'S2'],
        `${turn.voice} at ${turn.startMs} ms`,
      );
    }
  });

  it('leaves a plain stereo recording (one room, both channels alike) to the mix diarizer', async () => {
    const mono = synthesizeMeeting({ voices: ['rms', 'slt'], durationSeconds: 20, seed: 202, noise: 0.003 });
    meetings.push(mono);
    const stereoPath = join(mono.pcmPath, '..', 'same-on-both.pcm');
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-f',
      's16le',
      '-ar',
      '16000',
      '-ac',
      '1',
      '-i',
      mono.pcmPath,
      '-ac',
      '2',
      '-f',
      's16le',
      stereoPath,
    ]);
    const mix = new RecordingMixDiarizer();
    const result = await new MultichannelSpeakerDiarizer(mix, 'auto').diarize(
      { pcmPath: mono.pcmPath, durationMs: mono.durationMs, multichannel: { path: stereoPath, channels: 2 } },
      signal,
    );
    assert.equal(mix.calls, 1);
    assert.equal(result.speakers.length, 1, 'what the mix diarizer said');
    // `always` trusts the recorder: both channels speak at once, the louder (either) wins.
    const forced = await new MultichannelSpeakerDiarizer(mix, 'always').diarize(
      { pcmPath: mono.pcmPath, durationMs: mono.durationMs, multichannel: { path: stereoPath, channels: 2 } },
      signal,
    );
    assert.equal(mix.calls, 1);
    assert.ok(forced.turns.length > 0);
  });

  it('hands a mono recording to the mix diarizer', async () => {
    const mix = new RecordingMixDiarizer();
    await new MultichannelSpeakerDiarizer(mix, 'always').diarize(
      { pcmPath: '/unused', durationMs: 1 },
      signal,
    );
    assert.equal(mix.calls, 1);
  });
});
