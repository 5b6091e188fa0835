import assert from 'node:assert/strict';
import { runInOrder } from './run-in-order.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runInOrder', () => {
  it('delivers in item order while working in parallel, never above the concurrency', async () => {
    let running = 0;
    let peak = 0;
    const delivered: number[] = [];
    await runInOrder(
      [30, 5, 20, 1, 10, 2],
      3,
      async (ms) => {
        running++;
        peak = Math.max(peak, running);
        await sleep(ms);
        running--;
        return ms * 2;
      },
      async (item, result) => {
        assert.equal(result, item * 2);
        delivered.push(item);
      },
    );
    assert.deepEqual(delivered, [30, 5, 20, 1, 10, 2]);
    assert.equal(peak, 3);
  });

  it('stops on the first failure, aborts the others and delivers nothing after the gap', async () => {
    const delivered: number[] = [];
    let abortedSeen = false;
    await assert.rejects(
      runInOrder(
        [0, 1, 2, 3],
        2,
        async (item, signal) => {
          if (item === 1) throw new Error('engine broke');
          await sleep(20);
          if (signal.aborted) abortedSeen = true;
          return item;
        },
        async (item) => void delivered.push(item),
      ),
      /engine broke/,
    );
    assert.ok(delivered.every((item) => item < 1));
    assert.ok(abortedSeen);
  });

  it('rejects when the outer signal aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('timed out')), 10);
    await assert.rejects(
      runInOrder(
        [1, 2, 3],
        1,
        async () => sleep(15),
        async () => undefined,
        controller.signal,
      ),
      /timed out/,
    );
  });
});
