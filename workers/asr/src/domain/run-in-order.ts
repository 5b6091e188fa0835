/**
 * Runs `work` on up to `concurrency` items at once and hands each result to `deliver` strictly in
 * item order, as soon as every earlier item has been delivered. The first failure aborts the rest
 * (through the signal given to `work`) and rejects.
 */
export async function runInOrder<Item, Result>(
  items: readonly Item[],
  concurrency: number,
  work: (item: Item, signal: AbortSignal) => Promise<Result>,
  deliver: (item: Item, result: Result) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const controller = new AbortController();
  const abort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', abort, { once: true });
  const results = new Map<number, Result>();
  let nextToStart = 0;
  let nextToDeliver = 0;
  let delivering = Promise.resolve();
  let failure: { error: unknown } | undefined;

  const flush = () => {
    delivering = delivering.then(async () => {
      while (!failure && results.has(nextToDeliver)) {
        const index = nextToDeliver++;
        const result = results.get(index)!;
        results.delete(index);
        await deliver(items[index]!, result);
      }
    });
    return delivering;
  };

  const lane = async () => {
    while (!failure && !controller.signal.aborted && nextToStart < items.length) {
      const index = nextToStart++;
      results.set(index, await work(items[index]!, controller.signal));
      await flush();
    }
  };

  try {
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, () =>
        lane().catch((error: unknown) => {
          failure ??= { error };
          controller.abort(error);
        }),
      ),
    );
    await delivering.catch((error: unknown) => (failure ??= { error }));
    if (failure) throw failure.error;
    if (signal?.aborted) throw signal.reason;
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}
