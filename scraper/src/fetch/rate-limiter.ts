const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Spaces requests to each host at least `intervalMs` apart; robots.txt Crawl-delay can widen a host's gap. */
export class RateLimiter {
  private readonly nextSlot = new Map<string, number>();
  private readonly hostInterval = new Map<string, number>();
  private readonly intervalMs: number;

  constructor(requestsPerSecond: number) {
    this.intervalMs = 1000 / requestsPerSecond;
  }

  setMinimumInterval(host: string, ms: number): void {
    this.hostInterval.set(host, Math.max(ms, this.hostInterval.get(host) ?? 0));
  }

  async wait(url: string): Promise<void> {
    const host = new URL(url).host;
    const interval = Math.max(this.intervalMs, this.hostInterval.get(host) ?? 0);
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot.get(host) ?? 0);
    this.nextSlot.set(host, slot + interval);
    if (slot > now) await sleep(slot - now);
  }
}
