/**
 * A token bucket per key (the user): `perMinute` requests a minute on average, bursts up to the same.
 * In-process: with several gateway replicas each enforces its own share; put a shared limiter
 * (Redis, the ingress) in front at scale.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();
  private readonly refillPerMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** Takes one token; returns the milliseconds to wait when none is left, else 0. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updatedAt: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 100_000) this.evictFull(now);
    if (bucket.tokens < 1) return Math.ceil((1 - bucket.tokens) / this.refillPerMs);
    bucket.tokens -= 1;
    return 0;
  }

  private evictFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs >= this.perMinute)
        this.buckets.delete(key);
    }
  }
}
