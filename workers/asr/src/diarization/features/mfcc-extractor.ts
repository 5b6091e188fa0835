import { PowerSpectrum } from './power-spectrum.js';

/** Frame features of a recording: `cepstra` MFCCs (c1…) per 10 ms frame, and each frame's level. */
export interface FrameFeatures {
  frameCount: number;
  /** Coefficients per frame. */
  dims: number;
  /** `frameCount × dims`, frame after frame. */
  data: Float32Array;
  /** RMS level of each frame in dBFS. */
  levelDb: Float32Array;
  hopMs: number;
}

export interface MfccOptions {
  sampleRate: number;
  frameMs: number;
  hopMs: number;
  melBands: number;
  /** Coefficients kept, from c1 (c0 is the loudness, which says little about who speaks). */
  cepstra: number;
  lowHz: number;
  highHz: number;
}

export const DEFAULT_MFCC: MfccOptions = {
  sampleRate: 16_000,
  frameMs: 25,
  hopMs: 10,
  melBands: 26,
  cepstra: 19,
  lowHz: 60,
  highHz: 7_600,
};

const SILENT_DB = -100;

/**
 * Mel-frequency cepstral coefficients, fed sample blocks of any size (a recording is read from
 * disk in pieces) and holding only the features: 76 bytes a frame, about 27 MB an hour.
 */
export class MfccExtractor {
  private readonly frameLength: number;
  private readonly hop: number;
  private readonly spectrum: PowerSpectrum;
  private readonly window: Float64Array;
  private readonly filters: Array<{ first: number; weights: Float64Array }>;
  private readonly dct: Float64Array;
  /** Pre-emphasised samples not yet analysed, and the same samples as they came (for the level). */
  private readonly pending: Float64Array;
  private readonly pendingRaw: Float64Array;
  private pendingLength = 0;
  private previousSample = 0;
  private readonly frame: Float64Array;
  private readonly power: Float64Array;
  private readonly mel: Float64Array;
  private features: Float32Array;
  private levels: Float32Array;
  private frames = 0;

  constructor(private readonly options: MfccOptions = DEFAULT_MFCC) {
    this.frameLength = Math.round((options.sampleRate * options.frameMs) / 1000);
    this.hop = Math.round((options.sampleRate * options.hopMs) / 1000);
    this.spectrum = new PowerSpectrum(2 ** Math.ceil(Math.log2(this.frameLength)));
    this.window = Float64Array.from(
      { length: this.frameLength },
      (_, n) => 0.54 - 0.46 * Math.cos((2 * Math.PI * n) / (this.frameLength - 1)),
    );
    this.filters = melFilters(options, this.spectrum.size);
    this.dct = dctMatrix(options.melBands, options.cepstra);
    this.pending = new Float64Array(this.frameLength + 65_536);
    this.pendingRaw = new Float64Array(this.pending.length);
    this.frame = new Float64Array(this.spectrum.size);
    this.power = new Float64Array(this.spectrum.bins);
    this.mel = new Float64Array(options.melBands);
    this.features = new Float32Array(options.cepstra * 1024);
    this.levels = new Float32Array(1024);
  }

  /** Adds samples (full scale ±1, or 16-bit integers scaled by `scale`). */
  push(samples: ArrayLike<number>, scale = 1 / 32_768): void {
    let offset = 0;
    while (offset < samples.length) {
      const room = this.pending.length - this.pendingLength;
      const take = Math.min(room, samples.length - offset);
      for (let i = 0; i < take; i++) {
        // Pre-emphasis lifts the high frequencies where voices differ most.
        const sample = samples[offset + i]! * scale;
        this.pending[this.pendingLength + i] = sample - 0.97 * this.previousSample;
        this.pendingRaw[this.pendingLength + i] = sample;
        this.previousSample = sample;
      }
      this.pendingLength += take;
      offset += take;
      this.drain();
    }
  }

  finish(): FrameFeatures {
    return {
      frameCount: this.frames,
      dims: this.options.cepstra,
      data: this.features.subarray(0, this.frames * this.options.cepstra),
      levelDb: this.levels.subarray(0, this.frames),
      hopMs: this.options.hopMs,
    };
  }

  private drain(): void {
    let start = 0;
    while (start + this.frameLength <= this.pendingLength) {
      this.analyse(start);
      start += this.hop;
    }
    this.pending.copyWithin(0, start, this.pendingLength);
    this.pendingRaw.copyWithin(0, start, this.pendingLength);
    this.pendingLength -= start;
  }

  private analyse(start: number): void {
    const { frame, power, mel, window, frameLength } = this;
    let energy = 0;
    for (let n = 0; n < frameLength; n++) {
      const raw = this.pendingRaw[start + n]!;
      energy += raw * raw;
      frame[n] = this.pending[start + n]! * window[n]!;
    }
    frame.fill(0, frameLength);
    this.spectrum.compute(frame, power);
    for (let m = 0; m < this.filters.length; m++) {
      const { first, weights } = this.filters[m]!;
      let sum = 0;
      for (let k = 0; k < weights.length; k++) sum += weights[k]! * power[first + k]!;
      mel[m] = Math.log(sum + 1e-10);
    }
    this.ensureRoom();
    const dims = this.options.cepstra;
    const base = this.frames * dims;
    for (let c = 0; c < dims; c++) {
      let sum = 0;
      for (let m = 0; m < mel.length; m++) sum += this.dct[c * mel.length + m]! * mel[m]!;
      this.features[base + c] = sum;
    }
    const rms = Math.sqrt(energy / frameLength);
    this.levels[this.frames] = rms > 0 ? Math.max(SILENT_DB, 20 * Math.log10(rms)) : SILENT_DB;
    this.frames += 1;
  }

  private ensureRoom(): void {
    if (this.frames < this.levels.length) return;
    const grown = new Float32Array(this.features.length * 2);
    grown.set(this.features);
    this.features = grown;
    const levels = new Float32Array(this.levels.length * 2);
    levels.set(this.levels);
    this.levels = levels;
  }
}

/** Triangular filters equally spaced on the mel scale, as sparse rows over the FFT bins. */
function melFilters(options: MfccOptions, fftSize: number): Array<{ first: number; weights: Float64Array }> {
  const toMel = (hz: number) => 1127 * Math.log(1 + hz / 700);
  const toHz = (mel: number) => 700 * (Math.exp(mel / 1127) - 1);
  const low = toMel(options.lowHz);
  const high = toMel(Math.min(options.highHz, options.sampleRate / 2));
  const edges = Array.from({ length: options.melBands + 2 }, (_, i) =>
    toHz(low + ((high - low) * i) / (options.melBands + 1)),
  );
  const binHz = options.sampleRate / fftSize;
  return Array.from({ length: options.melBands }, (_, m) => {
    const [left, centre, right] = [edges[m]!, edges[m + 1]!, edges[m + 2]!];
    const first = Math.ceil(left / binHz);
    const last = Math.floor(right / binHz);
    const weights = new Float64Array(Math.max(0, last - first + 1));
    for (let k = first; k <= last; k++) {
      const hz = k * binHz;
      weights[k - first] = hz <= centre ? (hz - left) / (centre - left) : (right - hz) / (right - centre);
    }
    return { first, weights };
  });
}

/** DCT-II rows c1…c`count` over `bands` log-mel energies. */
function dctMatrix(bands: number, count: number): Float64Array {
  const matrix = new Float64Array(count * bands);
  for (let c = 0; c < count; c++) {
    for (let m = 0; m < bands; m++) {
      matrix[c * bands + m] = Math.sqrt(2 / bands) * Math.cos((Math.PI * (c + 1) * (m + 0.5)) / bands);
    }
  }
  return matrix;
}
