export interface RetryPolicy {
  /** Tries after the first. */
  retries: number;
  /** Delay before the first retry; each further one doubles it (with jitter), up to `maxMs`. */
  baseMs: number;
  maxMs?: number;
}

/**
 * Runs `attempt` until it succeeds, retrying errors `isTransient` accepts with exponential backoff
 * and jitter (so instances that failed together do not retry together). An abort stops the waiting.
 */
export async function withBackoff<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  policy: RetryPolicy,
  options: {
    signal: AbortSignal;
    isTransient: (error: unknown) => boolean;
    onRetry?: (error: unknown, delayMs: number) => void;
  },
): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt(tries + 1);
    } catch (error) {
      if (tries >= policy.retries || !options.isTransient(error) || options.signal.aborted) throw error;
      const exponential = Math.min(policy.maxMs ?? 60_000, policy.baseMs * 2 ** tries);
      const delay = Math.round(exponential * (0.5 + Math.random() / 2));
      options.onRetry?.(error, delay);
      await sleep(delay, options.signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}
