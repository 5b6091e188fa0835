import type { ImageReference } from '../extract/reference-resolver.js';
import { decodeDataUrl } from '../fetch/data-url.js';
import type { PoliteFetcher } from '../fetch/polite-fetcher.js';
import type { RobotsGate } from '../fetch/robots-gate.js';
import { formatBytes, type Progress } from '../progress.js';
import type { ImageStore, StoreOutcome } from '../sinks/image-store.js';
import { displayUrl, type Failure } from '../sinks/manifest.js';

export interface DownloadDeps {
  fetcher: PoliteFetcher;
  robots: RobotsGate;
  store: ImageStore;
  progress: Progress;
}

type Failed = { ok: false; reason: string; status?: number; attempts?: number };
type Obtained = { ok: true; bytes: Buffer; contentType: string } | Failed;
type Stored = Extract<StoreOutcome, { image: unknown }>;

/** Downloads every reference (trying its fallbacks in turn) into the store; failures are returned, never thrown. */
export async function downloadImages(
  refs: ImageReference[],
  deps: DownloadDeps,
  concurrency: number,
): Promise<Failure[]> {
  const failures: Failure[] = [];
  let done = 0;
  const handle = async (ref: ImageReference) => {
    const outcome = await downloadOne(ref, deps);
    const tag = `[${String(++done).padStart(String(refs.length).length)}/${refs.length}]`;
    if (!('ok' in outcome)) {
      const { image } = outcome;
      const size = image.width ? `, ${image.width}x${image.height}` : '';
      const what =
        outcome.status === 'saved'
          ? `saved ${image.file} (${formatBytes(image.bytes)}${size})`
          : `duplicate of ${image.file}`;
      deps.progress.info(`${tag} ${what} <- ${displayUrl(ref.url)}`);
    } else {
      const { reason, status, attempts } = outcome;
      failures.push({
        url: displayUrl(ref.url),
        kinds: ref.kinds,
        page: ref.page,
        reason,
        ...(status ? { status } : {}),
        ...(attempts ? { attempts } : {}),
      });
      deps.progress.warn(`${tag} failed ${displayUrl(ref.url)}: ${outcome.reason}`);
    }
  };
  const queue = [...refs];
  const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
    for (let ref = queue.shift(); ref; ref = queue.shift()) await handle(ref);
  });
  await Promise.all(workers);
  return failures;
}

async function downloadOne(ref: ImageReference, deps: DownloadDeps): Promise<Stored | Failed> {
  const source = { url: displayUrl(ref.url), kinds: ref.kinds, page: ref.page };
  if (ref.inlineSvg !== undefined) {
    const outcome = await deps.store.add(Buffer.from(ref.inlineSvg, 'utf8'), source, 'image/svg+xml');
    return outcome.status === 'rejected' ? { ok: false, reason: outcome.reason } : outcome;
  }
  let firstFailure: Failed | undefined;
  for (const candidate of [ref.url, ...ref.fallbacks]) {
    const obtained = await obtain(candidate, ref.page, deps);
    if (obtained.ok) {
      const outcome = await deps.store.add(obtained.bytes, source, obtained.contentType);
      if (outcome.status !== 'rejected') return outcome;
      firstFailure ??= { ok: false, reason: outcome.reason };
    } else {
      firstFailure ??= obtained;
    }
  }
  return firstFailure ?? { ok: false, reason: 'no candidate URL' };
}

async function obtain(url: string, referer: string, deps: DownloadDeps): Promise<Obtained> {
  if (url.startsWith('data:')) {
    const decoded = decodeDataUrl(url);
    return decoded
      ? { ok: true, bytes: decoded.bytes, contentType: decoded.mediaType }
      : { ok: false, reason: 'malformed data: URL' };
  }
  if (!(await deps.robots.allows(url))) return { ok: false, reason: 'disallowed by robots.txt' };
  const result = await deps.fetcher.fetch(url, { referer });
  if (!result.ok) return result;
  return { ok: true, bytes: result.bytes, contentType: result.contentType };
}
