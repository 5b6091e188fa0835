import type { EntityManager } from '@mikro-orm/postgresql';

export interface OutboxRow {
  id: string;
  subject: string;
  envelope: unknown;
  aggregateId: string | null;
  attempts: number;
}

const PENDING = 'published_at is null and failed_at is null';

// Every statement goes through the EntityManager so it runs inside the caller's transaction (the
// connection's own execute would run outside it and release the row locks at once).

/**
 * Locks up to `limit` due rows in sequence order, skipping rows other relays hold. Rows whose
 * aggregate has an earlier pending row outside this batch (held by another relay, or waiting out a
 * backoff) are left for later, so one aggregate's events are never published out of order.
 */
export async function claimOutboxBatch(
  tx: EntityManager,
  limit: number,
): Promise<{ rows: OutboxRow[]; claimed: number }> {
  const rows = await tx.execute<
    Array<{
      id: string;
      subject: string;
      envelope: unknown;
      aggregate_id: string | null;
      attempts: number;
      seq: string;
    }>
  >(
    `select id, subject, envelope, aggregate_id, attempts, seq from outbox_event
      where ${PENDING} and (next_attempt_at is null or next_attempt_at <= now())
      order by seq limit ? for update skip locked`,
    [limit],
  );
  const firstSeq = new Map<string, string>();
  for (const row of rows) {
    if (row.aggregate_id !== null && !firstSeq.has(row.aggregate_id)) firstSeq.set(row.aggregate_id, row.seq);
  }
  const blocked = new Set<string>();
  if (firstSeq.size > 0) {
    // Parameters travel as one JSON document: the query builder would expand a JS array into a list.
    const firsts = [...firstSeq].map(([aggregate_id, first_seq]) => ({ aggregate_id, first_seq }));
    const earlier = await tx.execute<Array<{ aggregate_id: string }>>(
      `select distinct e.aggregate_id from outbox_event e
        join jsonb_to_recordset(?::jsonb) as b(aggregate_id text, first_seq bigint)
          on e.aggregate_id = b.aggregate_id and e.seq < b.first_seq
        where e.published_at is null and e.failed_at is null`,
      [JSON.stringify(firsts)],
    );
    for (const row of earlier) blocked.add(row.aggregate_id);
  }
  const free = rows
    .filter((row) => row.aggregate_id === null || !blocked.has(row.aggregate_id))
    .map((row) => ({
      id: row.id,
      subject: row.subject,
      envelope: row.envelope,
      aggregateId: row.aggregate_id,
      attempts: row.attempts,
    }));
  return { rows: free, claimed: rows.length };
}

export async function markPublished(tx: EntityManager, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(
    `update outbox_event set published_at = now(), attempts = attempts + 1
        where id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
    [JSON.stringify(ids)],
  );
}

/** Counts a failed publish and schedules a retry with exponential backoff. @returns true once set aside. */
export async function recordPublishFailure(
  tx: EntityManager,
  row: OutboxRow,
  error: unknown,
  maxAttempts: number,
): Promise<boolean> {
  const attempts = row.attempts + 1;
  const setAside = attempts >= maxAttempts;
  const backoffMs = Math.min(60_000, 250 * 2 ** (attempts - 1));
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2_000);
  await tx.execute(
    `update outbox_event set attempts = ?, last_error = ?,
       next_attempt_at = now() + (? * interval '1 millisecond'),
       failed_at = case when ? then now() else null end
     where id = ?`,
    [attempts, message, backoffMs, setAside, row.id],
  );
  return setAside;
}

/** Deletes published rows and processed-event ids past their retention, in bounded batches. */
export async function pruneOutbox(
  em: EntityManager,
  retention: { publishedRetentionMs: number; processedRetentionMs: number },
): Promise<void> {
  const deleteOld = async (sql: string, ms: number) =>
    (await em.execute<{ affectedRows: number }>(sql, [ms], 'run')).affectedRows;
  while (
    (await deleteOld(
      `delete from outbox_event where id in (select id from outbox_event
         where published_at < now() - (? * interval '1 millisecond') limit 1000)`,
      retention.publishedRetentionMs,
    )) === 1000
  );
  while (
    (await deleteOld(
      `delete from processed_event where id in (select id from processed_event
         where processed_at < now() - (? * interval '1 millisecond') limit 1000)`,
      retention.processedRetentionMs,
    )) === 1000
  );
}
