import type { JsMsg } from 'nats';
import { isRetryable, type Logger } from '@mymeet/core';

/** What a handler learns about the delivery it is working on. */
export interface HandlerContext {
  /** Aborted when the handler timeout passes: stop the work (kill child processes, cancel requests). */
  signal: AbortSignal;
  /** 1 on the first delivery. */
  attempt: number;
  /** True on the last attempt before the message is dead-lettered. */
  finalAttempt: boolean;
}

export interface HandlerOptions {
  maxDeliver: number;
  backoffMs: number[];
  ackWaitMs: number;
  heartbeatMs?: number;
  handlerTimeoutMs: number;
  logger: Logger;
  handle: (msg: JsMsg, context: HandlerContext) => Promise<void>;
}

export class HandlerTimeoutError extends Error {
  override name = 'HandlerTimeoutError';
}

type Outcome = { ok: true } | { ok: false; error: unknown };

/**
 * Runs one delivery: heartbeats while the handler works, a timeout that aborts it, then ack, nak with
 * backoff, or a dead letter (permanent failure, or the last attempt).
 */
export async function runHandler(
  msg: JsMsg,
  options: HandlerOptions,
  giveUp: (msg: JsMsg, reason: string) => Promise<void>,
): Promise<void> {
  const attempt = msg.info.redeliveryCount;
  if (attempt > options.maxDeliver) {
    // The spare delivery: every attempt was made and the last one never answered.
    await deadLetterOrRetry(
      msg,
      options,
      giveUp,
      `Gave up after ${options.maxDeliver} deliveries without an answer (the process handling it stopped)`,
    );
    return;
  }
  const finalAttempt = attempt >= options.maxDeliver;
  const controller = new AbortController();
  const heartbeat = setInterval(
    () => msg.working(),
    options.heartbeatMs ?? Math.max(1_000, options.ackWaitMs / 3),
  );
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => {
      clearInterval(heartbeat);
      const error = new HandlerTimeoutError(`Timed out after ${options.handlerTimeoutMs} ms`);
      controller.abort(error);
      resolve({ ok: false, error });
    }, options.handlerTimeoutMs);
  });
  const handled = options.handle(msg, { signal: controller.signal, attempt, finalAttempt }).then(
    (): Outcome => ({ ok: true }),
    (error: unknown): Outcome => ({ ok: false, error }),
  );
  const outcome = await Promise.race([handled, timedOut]);
  clearInterval(heartbeat);
  clearTimeout(timer);
  if (outcome.ok) {
    msg.ack();
    return;
  }
  const { error } = outcome;
  if (isPermanent(error) || finalAttempt) {
    options.logger.error(
      { err: error, subject: msg.subject, attempt },
      'giving up on message; dead-lettered',
    );
    try {
      await giveUp(msg, reasonOf(error));
      msg.ack(); // the dead-letter copy now holds it
    } catch (deadLetterError) {
      options.logger.error({ err: deadLetterError }, 'dead-lettering failed; will retry');
      msg.nak(5_000);
    }
    return;
  }
  const delay = options.backoffMs[Math.min(attempt - 1, options.backoffMs.length - 1)] ?? 1_000;
  options.logger.warn(
    { err: error, subject: msg.subject, attempt, retryInMs: delay },
    'message failed; will retry',
  );
  msg.nak(delay);
}

async function deadLetterOrRetry(
  msg: JsMsg,
  options: HandlerOptions,
  giveUp: (msg: JsMsg, reason: string) => Promise<void>,
  reason: string,
): Promise<void> {
  try {
    await giveUp(msg, reason);
    msg.ack(); // the dead-letter copy now holds it
  } catch (deadLetterError) {
    options.logger.error({ err: deadLetterError }, 'dead-lettering failed; will retry');
    msg.nak(5_000);
  }
}

/** Errors that no retry can fix: bad payloads, and coded domain errors marked not retryable. */
function isPermanent(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'PermanentMessageError' || error.name === 'ZodError' || error instanceof SyntaxError)
    return true;
  return !isRetryable(error);
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
