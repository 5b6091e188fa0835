import type { PoliteFetcher } from './polite-fetcher.js';
import type { RateLimiter } from './rate-limiter.js';
import { ALLOW_ALL, DISALLOW_ALL, isPathAllowed, robotsPolicyFor, type RobotsPolicy } from './robots.js';

const ROBOTS_MAX_BYTES = 512 * 1024;

/**
 * Answers "may we fetch this URL?" per origin, fetching each robots.txt once.
 * Per RFC 9309: 4xx means no restrictions, 5xx means disallow everything. A network failure is
 * treated as no restrictions, so an unreachable host fails on the request itself with a clear error.
 */
export class RobotsGate {
  private readonly policies = new Map<string, Promise<RobotsPolicy>>();

  constructor(
    private readonly enabled: boolean,
    private readonly agentToken: string,
    private readonly fetcher: PoliteFetcher,
    private readonly limiter: RateLimiter,
  ) {}

  async allows(url: string): Promise<boolean> {
    if (!this.enabled) return true;
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return true;
    let policy = this.policies.get(parsed.origin);
    if (!policy) {
      policy = this.load(parsed.origin, parsed.host);
      this.policies.set(parsed.origin, policy);
    }
    return isPathAllowed(await policy, parsed.pathname + parsed.search);
  }

  private async load(origin: string, host: string): Promise<RobotsPolicy> {
    const result = await this.fetcher.fetch(`${origin}/robots.txt`, {
      maxBytes: ROBOTS_MAX_BYTES,
      accept: 'text/plain,*/*',
    });
    if (!result.ok) return result.status !== undefined && result.status >= 500 ? DISALLOW_ALL : ALLOW_ALL;
    const policy = robotsPolicyFor(result.bytes.toString('utf8'), this.agentToken);
    if (policy.crawlDelay) this.limiter.setMinimumInterval(host, policy.crawlDelay * 1000);
    return policy;
  }
}
