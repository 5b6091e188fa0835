import type { MediaAssetRepository } from '../../repositories/media-asset.repository.js';

export interface HeldLease {
  /** Aborted when the caller's signal aborts or the claim is lost (taken over, settled elsewhere, deleted). */
  signal: AbortSignal;
  stop(): void;
}

/**
 * Keeps a won import claim alive while the run works: renewed every third of its length, so a
 * run that dies stops renewing and the next delivery can take over once the lease is past.
 */
export function holdImportLease(
  assets: MediaAssetRepository,
  input: { mediaId: string; token: string; leaseMs: number; signal?: AbortSignal },
): HeldLease {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(input.signal?.reason);
  if (input.signal?.aborted) onParentAbort();
  input.signal?.addEventListener('abort', onParentAbort, { once: true });
  const timer = setInterval(() => {
    assets.renewImportLease(input.mediaId, input.token, input.leaseMs).then(
      (held) => {
        if (!held) controller.abort(new Error('Another run took this import over.'));
      },
      // A database blip: keep working; if it lasts, the lease runs out and another run takes over.
      () => undefined,
    );
  }, input.leaseMs / 3);
  timer.unref();
  return {
    signal: controller.signal,
    stop: () => {
      clearInterval(timer);
      input.signal?.removeEventListener('abort', onParentAbort);
    },
  };
}
