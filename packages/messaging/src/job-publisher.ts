import type { JetStreamClient } from 'nats';
import { createJob, jobSubject, type JobEnvelope, type JobKind, type JobPayload } from '@mymeet/contracts';

/** Queues validated jobs. Pass a stable id (e.g. the transcript id) so a retried request queues the job once. */
export class JobPublisher {
  constructor(private readonly js: JetStreamClient) {}

  async publish<K extends JobKind>(kind: K, payload: JobPayload<K>, id?: string): Promise<JobEnvelope<K>> {
    const job = createJob(kind, payload, id);
    await this.js.publish(jobSubject(kind), JSON.stringify(job), { msgID: job.id });
    return job;
  }
}
