import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection, type JsMsg } from 'nats';
import { STREAMS } from '@mymeet/contracts';
import { createLogger } from '@mymeet/core';
import { eventually, testNatsUrl } from '@mymeet/testing';
import { ensureStreams } from '../src/ensure-streams.js';
import { PermanentMessageError, runDurableConsumer, type RunningConsumer } from '../src/durable-consumer.js';
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

  before(async () => {
    nc = await connect({ servers: testNatsUrl() });
    handles = { nc, js: nc.jetstream(), jsm: await nc.jetstreamManager() };
    await ensureStreams(handles.jsm, { eventRetentionDays: 1, replicas: 1 });
  });

  after(async () => {
    for (const consumer of running) await consumer.stop(100);
    for (const durable of durables)
      await handles.jsm.consumers.delete(STREAMS.jobs.name, durable).catch(() => false);
    await nc.close();
  });

  async function consume(
    subject: string,
    handle: (msg: JsMsg) => Promise<void>,
    extra: { maxDeliver: number; ackWaitMs?: number; heartbeatMs?: number; concurrency?: number },
  ) {
    const durable = `test-${randomUUID().slice(0, 8)}`;
    durables.push(durable);
    const dead: DeadLetter[] = [];
    const consumer = await runDurableConsumer(handles, {
      stream: STREAMS.jobs.name,
      durable,
      filterSubject: subject,
      ackWaitMs: extra.ackWaitMs ?? 5_000,
      heartbeatMs: extra.heartbeatMs,
      backoffMs: [50],
      maxDeliver: extra.maxDeliver,
      concurrency: extra.concurrency,
      logger,
      handle,
      onDeadLetter: async (letter) => void dead.push(letter),
    });
    running.push(consumer);
    return dead;
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

  it('redelivers the job of a handler that stops answering, then dead-letters it when every attempt hangs', async () => {
    const subject = `jobs.test-${randomUUID().slice(0, 8)}`;
    let deliveries = 0;
    // No heartbeats and a handler that never settles: what a crashed or hung worker looks like to JetStream.
    const dead = await consume(
      subject,
      () => {
        deliveries += 1;
        return new Promise<void>(() => undefined);
      },
      { maxDeliver: 2, ackWaitMs: 1_000, heartbeatMs: 3_600_000, concurrency: 2 },
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
});
