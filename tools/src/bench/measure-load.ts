import { performance } from 'node:perf_hooks';

export interface LoadResult {
  name: string;
  requests: number;
  failures: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Sends `total` requests with `concurrency` in flight and measures latency; bounded in count. */
export async function measureLoad(
  name: string,
  total: number,
  concurrency: number,
  request: (index: number) => Promise<boolean>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const index = next++;
      const t0 = performance.now();
      const ok = await request(index).catch(() => false);
      latencies.push(performance.now() - t0);
      if (!ok) failures++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return {
    name,
    requests: total,
    failures,
    seconds,
    perSecond: total / seconds,
    p50Ms: percentile(0.5),
    p99Ms: percentile(0.99),
  };
}

export function formatLoad(result: LoadResult): string {
  return `${result.name.padEnd(48)} ${result.perSecond.toFixed(0).padStart(6)} req/s  p50 ${result.p50Ms.toFixed(1).padStart(6)} ms  p99 ${result.p99Ms.toFixed(1).padStart(6)} ms  (${result.requests} requests, ${result.failures} failed)`;
}
