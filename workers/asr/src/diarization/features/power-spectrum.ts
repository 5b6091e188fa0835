/**
 * Power spectrum of real frames of a fixed power-of-two size, computed as a complex FFT of half
 * the size (even samples as real parts, odd as imaginary) and one untangling pass: the diarizer
 * runs it on every 10 ms of a recording, so it should cost half of a plain complex transform.
 */
export class PowerSpectrum {
  /** Bins 0..size/2. */
  readonly bins: number;
  private readonly half: number;
  private readonly reversed: Uint32Array;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;

  constructor(readonly size: number) {
    if (size < 4 || (size & (size - 1)) !== 0)
      throw new Error(`FFT size must be a power of two, got ${size}`);
    this.half = size / 2;
    this.bins = this.half + 1;
    this.reversed = bitReversal(this.half);
    // Twiddles of the full size: the half-size transform uses every second one.
    this.cos = new Float64Array(this.half);
    this.sin = new Float64Array(this.half);
    for (let k = 0; k < this.half; k++) {
      this.cos[k] = Math.cos((2 * Math.PI * k) / size);
      this.sin[k] = -Math.sin((2 * Math.PI * k) / size);
    }
    this.re = new Float64Array(this.half);
    this.im = new Float64Array(this.half);
  }

  /** |X[k]|² for k = 0..size/2 of one frame of `size` samples, written into `out`. */
  compute(frame: Float64Array, out: Float64Array): void {
    const { half, re, im, reversed, cos, sin } = this;
    for (let n = 0; n < half; n++) {
      const j = reversed[n]!;
      re[j] = frame[2 * n]!;
      im[j] = frame[2 * n + 1]!;
    }
    for (let length = 2; length <= half; length *= 2) {
      const step = this.size / length;
      const span = length / 2;
      for (let start = 0; start < half; start += length) {
        for (let k = 0; k < span; k++) {
          const wr = cos[k * step]!;
          const wi = sin[k * step]!;
          const a = start + k;
          const b = a + span;
          const tr = wr * re[b]! - wi * im[b]!;
          const ti = wr * im[b]! + wi * re[b]!;
          re[b] = re[a]! - tr;
          im[b] = im[a]! - ti;
          re[a] = re[a]! + tr;
          im[a] = im[a]! + ti;
        }
      }
    }
    out[0] = (re[0]! + im[0]!) ** 2;
    out[half] = (re[0]! - im[0]!) ** 2;
    for (let k = 1; k < half; k++) {
      const zr = re[k]!;
      const zi = im[k]!;
      const cr = re[half - k]!;
      const ci = -im[half - k]!;
      // Even part (Z[k] + conj Z[N/2-k]) / 2, odd part (Z[k] - conj Z[N/2-k]) / 2i.
      const er = (zr + cr) / 2;
      const ei = (zi + ci) / 2;
      const or = (zi - ci) / 2;
      const oi = -(zr - cr) / 2;
      const wr = cos[k]!;
      const wi = sin[k]!;
      const xr = er + wr * or - wi * oi;
      const xi = ei + wr * oi + wi * or;
      out[k] = xr * xr + xi * xi;
    }
  }
}

function bitReversal(n: number): Uint32Array {
  const bits = Math.log2(n);
  const table = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let reversed = 0;
    for (let b = 0; b < bits; b++) reversed |= ((i >> b) & 1) << (bits - 1 - b);
    table[i] = reversed;
  }
  return table;
}
