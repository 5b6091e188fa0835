import type { NatsConnection } from 'nats';

/** Waits until a durable consumer has handled everything already on its stream (a fresh one replays history). */
export async function waitForCatchUp(
  nc: NatsConnection,
  stream: string,
  durable: string,
  timeoutMs = 60_000,
): Promise<void> {
  const jsm = await nc.jetstreamManager();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await jsm.consumers.info(stream, durable).catch(() => undefined);
    if (info && info.num_pending === 0 && info.num_ack_pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${durable} did not catch up on ${stream}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
