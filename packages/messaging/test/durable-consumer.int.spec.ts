import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection, type JsMsg } from 'nats';
import { STREAMS } from '@mymeet/contracts';
import { createLogger } from '@mymeet/core';
import { eventually, testNatsUrl } from '@mymeet/testing';
import { ensureStreams } from '../src/ensure-streams.js';
import {
  PermanentMessageError,
  runDurableConsumer,
  type HandlerContext,
  type RunningConsumer,
} from '../src/durable-consumer.js';
import type { DeadLetter } from '../src/dead-letter.js';

describe('durable consumers on JetStream: retries, dead letters, crashes', function () {
  this.timeout(30_000);
  const logger = createLogger('messaging-test', 'silent');
  let nc: NatsConnection;
  let handles: {
    nc: NatsConnection;
    js: ReturnType<NatsConnection['jetstream']>;
    jsm: Awaited<ReturnType<NatsConnection['jetstreamManager']>>;
  };
  const running: RunningConsumer[] = [];
  const durables: string[] = [];
  const extraConnections: NatsConnection[] = [];

  before(async () => {
    nc = await connect({ servers: testNatsUrl() });
    handles = { nc, js: nc.jetstream(), jsm: await nc.jetstreamManager() };
    await ensureStreams(handles.jsm, { eventRetentionDays: 1, replicas: 1 });
  });

  after(async () => {
    for (const consumer of running) await consumer.stop(100);
    for (const durable of durables)
      await handles.jsm.consumers.delete(STREAMS.jobs.name, durable).catch(() => false);
    for (const other of extraConnections) await other.close();
    await nc.close();
  });

  interface ConsumeSettings {
    maxDeliver: number;
    ackWaitMs?: number;
    heartbeatMs?: number;
    concurrency?: number;
    handlerTimeoutMs?: number;
    durable?: string;
    connection?: typeof handles;
  }

  async function consume(
    subject: string,
    handle: (msg: JsMsg, context: HandlerContext) => Promise<void>,
    extra: ConsumeSettings,
    dead: DeadLetter[] = [],
  ) {
    const durable = extra.durable ?? `test-${randomUUID().slice(0, 8)}`;
    durables.push(durable);
    const consumer = await runDurableConsumer(extra.connection ?? handles, {
      stream: STREAMS.jobs.name,
      durable,
      filterSubject: subject,
      ackWaitMs: extra.ackWaitMs ?? 5_000,
      heartbeatMs: extra.heartbeatMs,
      handlerTimeoutMs: extra.handlerTimeoutMs ?? 20_000,
      backoffMs: [50],
      maxDeliver: extra.maxDeliver,
      concurrency: extra.concurrency,
      pullExpiresMs: 1_000,
      logger,
      handle,
      onDeadLetter: async (letter) => void dead.push(letter),
    });
    running.push(consumer);
    return dead;
  }

  async function secondConnection() {
    const other = await connect({ servers: testNatsUrl() });
    extraConnections.push(other);
    return { nc: other, js: other.jetstream(), jsm: await other.jetstreamManager() };
  }

  async function deadLetterOf(subject: string) {
    const consumer = await handles.js.consumers.get(STREAMS.deadLetters.name, {
      filterSubjects: `deadletter.${subject}`,
    });
    const message = await consumer.next({ expires: 5_000 });
    assert.ok(message, `a dead letter for ${subject}`);
    return message;
  }

  async function pendingInJobs(subject: string): Promise<number> {
    const info = await handles.jsm.streams.info(STREAMS.jobs.name, { subjects_filter: subject });
    return info.state.subjects?.[subject] ?? 0;
  }

  it('retries a failing handler with backoff until it succeeds', async () => {
    const subject = `jobs.test-${randomUUID().slice(0, 8)}`;
    let attempts = 0;
    const dead = await consume(
      subject,
      async () => {
        attempts += 1;
        if (attempts < 3) throw new Error('transient');
      },
      { maxDeliver: 5 },
    );
    await handles.js.publish(subject, JSON.stringify({ n: 1 }));
    await eventually(async () => assert.equal(attempts, 3));
    await eventually(async () => assert.equal(await pendingInJobs(subject), 0));
    assert.equal(dead.length, 0);
  });

  it('dead-letters a message after its last attempt with the reason, and removes it from the work queue', async () => {
    const subject = `jobs.test-${randomUUID().slice(0, 8)}`;
    let attempts = 0;
    const dead = await consume(
      subject,
      async () => {
        attempts += 1;
        throw new Error('speech engine exploded');
      },
      { maxDeliver: 2 },
    );
    await handles.js.publish(subject, JSON.stringify({ n: 2 }));
    const letter = await deadLetterOf(subject);
    assert.equal(letter.headers?.get('MyMeet-Dead-Reason'), 'speech engine exploded');
    assert.deepEqual(letter.json(), { n: 2 });
    assert.equal(attempts, 2);
    await eventually(async () => assert.equal(dead.length, 1));
    assert.equal(dead[0]?.reason, 'speech engine exploded');
    assert.equal(await pendingInJobs(subject), 0);
  });

  it('dead-letters a message that can never succeed on its first delivery', async () => {
    const subject = `jobs.test-${randomUUID().slice(0, 8)}`;
    let attempts = 0;
    await consume(
      subject,
      async () => {
        attempts += 1;
        throw new PermanentMessageError('unsupported audio codec');
      },
      { maxDeliver: 5 },
    );
    await handles.js.publish(subject, 'x');
    const letter = await deadLetterOf(subject);
    assert.equal(letter.headers?.get('MyMeet-Dead-Reason'), 'unsupported audio codec');
    assert.equal(attempts, 1);
  });

  it('redelivers the job of a process that stops answering, then dead-letters it when every attempt is lost', async () => {
    const subject = `jobs.test-${randomUUID().slice(0, 8)}`;
    let deliveries = 0;
    // No heartbeats, no timeout and a handler that never settles: what a crashed worker looks like to
    // JetStream. A third slot keeps pulling, as surviving instances do: JetStream notices the
    // exhausted message only when it would deliver it again.
    const dead = await consume(
      subject,
      () => {
        deliveries += 1;
        return new Promise<void>(() => undefined);
      },
      {
        maxDeliver: 2,
        ackWaitMs: 1_000,
        heartbeatMs: 3_600_000,
        handlerTimeoutMs: 3_600_000,
        concurrency: 3,
      },
    );
    await handles.js.publish(subject, JSON.stringify({ n: 4 }));
    const letter = await deadLetterOf(subject);
    assert.match(letter.headers?.get('MyMeet-Dead-Reason') ?? '', /2 deliveries without an answer/);
    assert.equal(deliveries, 2);
    await eventually(async () => assert.equal(dead.length, 1));
    await eventually(async () => assert.equal(await pendingInJobs(subject), 0));
  });

  it('keeps a long job alive with in-progress heartbeats instead of redelivering it', async () => {
    const subject = `jobs.test-${randomUUID().slice(0, 8)}`;
    let deliveries = 0;
    let finished = false;
    await consume(
      subject,
      async () => {
        deliveries += 1;
        await new Promise((resolve) => setTimeout(resolve, 2_500));
        finished = true;
      },
      { maxDeliver: 3, ackWaitMs: 1_000, heartbeatMs: 300 },
    );
    await handles.js.publish(subject, 'long');
    await eventually(async () => assert.ok(finished), 10_000);
    assert.equal(deliveries, 1);
  });

  it('pulls one message per free slot, so jobs queued behind a long one are never redelivered', async () => {
    const subject = `jobs.test-${randomUUID().slice(0, 8)}`;
    const deliveries: Array<{ n: number; attempt: number }> = [];
    // Each job outlives ack_wait twice over; only heartbeats keep it. A message buffered in the client
    // while another runs has no heartbeat and would expire into a second delivery.
    await consume(
      subject,
      async (msg, context) => {
        deliveries.push({ n: msg.json<{ n: number }>().n, attempt: context.attempt });
        await new Promise((resolve) => setTimeout(resolve, 2_200));
      },
      { maxDeliver: 5, ackWaitMs: 1_000, heartbeatMs: 250, concurrency: 1 },
    );
    for (const n of [1, 2, 3]) await handles.js.publish(subject, JSON.stringify({ n }));
    await eventually(async () => assert.equal(await pendingInJobs(subject), 0), 20_000);
    assert.deepEqual(deliveries, [
      { n: 1, attempt: 1 },
      { n: 2, attempt: 1 },
      { n: 3, attempt: 1 },
    ]);
  });

  it('aborts a hung handler at its timeout, retries it, and dead-letters it after the last attempt', async () => {
    const subject = `jobs.test-${randomUUID().slice(0, 8)}`;
    const seen: Array<{ attempt: number; finalAttempt: boolean; aborted: boolean }> = [];
    // A handler that heartbeats forever and never finishes: only its timeout can end it.
    const dead = await consume(
      subject,
      (_msg, context) =>
        new Promise<void>(() => {
          const record = { attempt: context.attempt, finalAttempt: context.finalAttempt, aborted: false };
          seen.push(record);
          context.signal.addEventListener('abort', () => (record.aborted = true));
        }),
      { maxDeliver: 2, ackWaitMs: 1_000, heartbeatMs: 200, handlerTimeoutMs: 1_500 },
    );
    await handles.js.publish(subject, JSON.stringify({ n: 5 }));
    const letter = await deadLetterOf(subject);
    assert.match(letter.headers?.get('MyMeet-Dead-Reason') ?? '', /Timed out after 1500 ms/);
    assert.deepEqual(seen, [
      { attempt: 1, finalAttempt: false, aborted: true },
      { attempt: 2, finalAttempt: true, aborted: true },
    ]);
    await eventually(async () => assert.equal(dead.length, 1));
    assert.equal(await pendingInJobs(subject), 0);
  });

  it('dead-letters a crashed job once when several instances share the consumer', async () => {
    const subject = `jobs.test-${randomUUID().slice(0, 8)}`;
    const durable = `test-${randomUUID().slice(0, 8)}`;
    const dead: DeadLetter[] = [];
    const lost = () => new Promise<void>(() => undefined);
    const crashLike = {
      maxDeliver: 1,
      ackWaitMs: 1_000,
      heartbeatMs: 3_600_000,
      handlerTimeoutMs: 3_600_000,
      durable,
    };
    await consume(subject, lost, crashLike, dead);
    await consume(subject, lost, { ...crashLike, connection: await secondConnection() }, dead);
    await handles.js.publish(subject, JSON.stringify({ n: 6 }));
    await eventually(async () => assert.equal(dead.length, 1), 10_000);
    // Both instances heard the advisory on the old code; give a second report time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    assert.equal(dead.length, 1);
  });

  it('updates an existing durable whose ack wait and max deliveries changed in code, instead of failing', async () => {
    const subject = `jobs.test-${randomUUID().slice(0, 8)}`;
    const durable = `test-${randomUUID().slice(0, 8)}`;
    await consume(subject, async () => undefined, { maxDeliver: 5, ackWaitMs: 30_000, durable });
    // NATS 2.10 refuses a `create` action for an existing consumer whose config differs (2.9, which
    // these tests run on, ignores actions), so the request the second boot sends is checked too.
    const requests: Array<{ action?: string }> = [];
    const record = (_error: unknown, msg: { data: Uint8Array; json<T>(): T }) => {
      // Info requests have no body; creates and updates carry the config.
      if (msg.data.length > 0) requests.push(msg.json<{ action?: string }>());
    };
    const watch = nc.subscribe(`$JS.API.CONSUMER.*.${STREAMS.jobs.name}.${durable}.>`, { callback: record });
    const watchDurable = nc.subscribe(`$JS.API.CONSUMER.*.${STREAMS.jobs.name}.${durable}`, {
      callback: record,
    });
    await nc.flush();
    await consume(subject, async () => undefined, { maxDeliver: 3, ackWaitMs: 10_000, durable });
    watch.unsubscribe();
    watchDurable.unsubscribe();
    const info = await handles.jsm.consumers.info(STREAMS.jobs.name, durable);
    assert.equal(info.config.ack_wait, 10_000 * 1_000_000);
    assert.equal(info.config.max_deliver, 3 + 1, 'three attempts and the spare delivery');
    assert.ok(requests.length > 0, 'the consumer was written');
    assert.ok(
      requests.every((request) => request.action !== 'create'),
      JSON.stringify(requests),
    );
  });

  it('dead-letters a job whose last attempt crashed while no instance was running, once one starts', async () => {
    const subject = `jobs.test-${randomUUID().slice(0, 8)}`;
    const durable = `test-${randomUUID().slice(0, 8)}`;
    const connection = await secondConnection();
    let firstAttempts = 0;
    await consume(
      subject,
      () => {
        firstAttempts += 1;
        return new Promise<void>(() => undefined); // the process "crashes" mid-job
      },
      {
        maxDeliver: 1,
        ackWaitMs: 1_000,
        heartbeatMs: 3_600_000,
        handlerTimeoutMs: 3_600_000,
        durable,
        connection,
      },
    );
    await handles.js.publish(subject, JSON.stringify({ n: 7 }));
    await eventually(async () => assert.equal(firstAttempts, 1));
    await connection.nc.close(); // gone: no heartbeats, no advisory listener
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // its ack_wait passes with nobody running
    const dead: DeadLetter[] = [];
    let laterAttempts = 0;
    await consume(
      subject,
      async () => void (laterAttempts += 1),
      { maxDeliver: 1, ackWaitMs: 1_000, durable },
      dead,
    );
    const letter = await deadLetterOf(subject);
    assert.match(letter.headers?.get('MyMeet-Dead-Reason') ?? '', /1 deliveries without an answer/);
    await eventually(async () => assert.equal(dead.length, 1));
    assert.equal(laterAttempts, 0, 'the exhausted job is not run again');
    assert.equal(await pendingInJobs(subject), 0);
  });
});
