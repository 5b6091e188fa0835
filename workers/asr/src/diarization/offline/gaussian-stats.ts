/**
 * Sufficient statistics of frames (count, sum, sum of outer products): two pieces of speech
 * merge by adding them, which is what makes agglomerative clustering cheap.
 */
export class GaussianStats {
  count = 0;
  readonly sum: Float64Array;
  /** Upper triangle included; the full d × d matrix for simple indexing. */
  readonly scatter: Float64Array;

  constructor(readonly dims: number) {
    this.sum = new Float64Array(dims);
    this.scatter = new Float64Array(dims * dims);
  }

  static of(data: Float32Array, dims: number, frames: Iterable<number>): GaussianStats {
    const stats = new GaussianStats(dims);
    for (const frame of frames) stats.addFrame(data, frame * dims);
    return stats;
  }

  addFrame(data: ArrayLike<number>, offset: number): void {
    const d = this.dims;
    this.count += 1;
    for (let i = 0; i < d; i++) {
      const xi = data[offset + i]!;
      this.sum[i]! += xi;
      const row = i * d;
      for (let j = i; j < d; j++) this.scatter[row + j]! += xi * data[offset + j]!;
    }
  }

  removeFrame(data: ArrayLike<number>, offset: number): void {
    const d = this.dims;
    this.count -= 1;
    for (let i = 0; i < d; i++) {
      const xi = data[offset + i]!;
      this.sum[i]! -= xi;
      const row = i * d;
      for (let j = i; j < d; j++) this.scatter[row + j]! -= xi * data[offset + j]!;
    }
  }

  add(other: GaussianStats): void {
    this.count += other.count;
    for (let i = 0; i < this.sum.length; i++) this.sum[i]! += other.sum[i]!;
    for (let i = 0; i < this.scatter.length; i++) this.scatter[i]! += other.scatter[i]!;
  }

  merged(other: GaussianStats): GaussianStats {
    const merged = new GaussianStats(this.dims);
    merged.add(this);
    merged.add(other);
    return merged;
  }

  mean(): Float64Array {
    return this.sum.map((value) => value / Math.max(1, this.count));
  }

  /** Full covariance (both triangles filled), with `floor` added to the diagonal. */
  covariance(floor: number): Float64Array {
    const d = this.dims;
    const n = Math.max(1, this.count);
    const mean = this.mean();
    const cov = new Float64Array(d * d);
    for (let i = 0; i < d; i++) {
      for (let j = i; j < d; j++) {
        const value = this.scatter[i * d + j]! / n - mean[i]! * mean[j]!;
        cov[i * d + j] = value;
        cov[j * d + i] = value;
      }
      cov[i * d + i]! += floor;
    }
    return cov;
  }

  /** log |Σ| of the full covariance. */
  logDeterminant(floor: number): number {
    return choleskyLogDet(this.covariance(floor), this.dims);
  }
}

/** log-determinant by Cholesky, factorizing `matrix` in place (lower triangle). */
export function choleskyLogDet(matrix: Float64Array, d: number): number {
  let logDet = 0;
  for (let j = 0; j < d; j++) {
    let diagonal = matrix[j * d + j]!;
    for (let k = 0; k < j; k++) diagonal -= matrix[j * d + k]! ** 2;
    if (diagonal <= 1e-12) diagonal = 1e-12;
    const root = Math.sqrt(diagonal);
    matrix[j * d + j] = root;
    logDet += 2 * Math.log(root);
    for (let i = j + 1; i < d; i++) {
      let value = matrix[i * d + j]!;
      for (let k = 0; k < j; k++) value -= matrix[i * d + k]! * matrix[j * d + k]!;
      matrix[i * d + j] = value / root;
    }
  }
  return logDet;
}
