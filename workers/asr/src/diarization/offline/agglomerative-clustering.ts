import { GaussianStats } from './gaussian-stats.js';

export interface ClusteringOptions {
  /** BIC penalty weight: higher merges more, finding fewer speakers. */
  penalty: number;
  varianceFloor: number;
  /** Never more speakers than this (the meeting's participants, when known). */
  maxClusters?: number;
  /** Never fewer (1 unless the caller knows better). */
  minClusters: number;
}

/** ΔBIC of modelling two clusters with one full-covariance Gaussian instead of two: below 0 means one voice. */
export function bicDistance(a: CachedCluster, b: CachedCluster, options: ClusteringOptions): number {
  const merged = a.stats.merged(b.stats);
  const n = merged.count;
  const d = merged.dims;
  const penalty = options.penalty * 0.5 * (d + (d * (d + 1)) / 2) * Math.log(n);
  return (
    0.5 * (n * merged.logDeterminant(options.varianceFloor) - a.weightedLogDet - b.weightedLogDet) - penalty
  );
}

export interface CachedCluster {
  stats: GaussianStats;
  /** n · log |Σ|, computed once per cluster. */
  weightedLogDet: number;
}

export function cacheCluster(stats: GaussianStats, varianceFloor: number): CachedCluster {
  return { stats, weightedLogDet: stats.count * stats.logDeterminant(varianceFloor) };
}

/**
 * Bottom-up clustering of pieces of speech: repeatedly merge the two clusters whose union BIC
 * finds most like one voice, until every pair looks like two voices (which estimates the number of
 * speakers) and the count is within bounds.
 * @returns the cluster of each piece, numbered from 0.
 */
export function clusterAgglomeratively(
  pieces: readonly GaussianStats[],
  options: ClusteringOptions,
): Int32Array {
  const count = pieces.length;
  const assignment = Int32Array.from({ length: count }, (_, i) => i);
  if (count <= 1) return assignment.fill(0);
  const clusters: Array<CachedCluster | null> = pieces.map((stats) => {
    const copy = new GaussianStats(stats.dims);
    copy.add(stats);
    return cacheCluster(copy, options.varianceFloor);
  });
  const distance = new Float64Array(count * count).fill(Infinity);
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++)
      distance[i * count + j] = bicDistance(clusters[i]!, clusters[j]!, options);
  }
  let alive = count;
  const minClusters = Math.max(1, options.minClusters);
  while (alive > minClusters) {
    let best = Infinity;
    let bestI = -1;
    let bestJ = -1;
    for (let i = 0; i < count; i++) {
      if (!clusters[i]) continue;
      for (let j = i + 1; j < count; j++) {
        const value = distance[i * count + j]!;
        if (value < best && clusters[j]) {
          best = value;
          bestI = i;
          bestJ = j;
        }
      }
    }
    if (bestI < 0) break;
    if (best > 0 && alive <= (options.maxClusters ?? Infinity)) break;
    const merged = clusters[bestI]!.stats.merged(clusters[bestJ]!.stats);
    clusters[bestI] = cacheCluster(merged, options.varianceFloor);
    clusters[bestJ] = null;
    for (let p = 0; p < count; p++) if (assignment[p] === bestJ) assignment[p] = bestI;
    alive -= 1;
    for (let k = 0; k < count; k++) {
      if (k === bestI || !clusters[k]) continue;
      const [i, j] = k < bestI ? [k, bestI] : [bestI, k];
      distance[i * count + j] = bicDistance(clusters[i]!, clusters[j]!, options);
    }
  }
  return renumber(assignment);
}

/** Cluster ids 0, 1, 2… in order of first appearance. */
export function renumber(assignment: Int32Array): Int32Array {
  const ids = new Map<number, number>();
  return assignment.map((cluster) => {
    let id = ids.get(cluster);
    if (id === undefined) {
      id = ids.size;
      ids.set(cluster, id);
    }
    return id;
  });
}
