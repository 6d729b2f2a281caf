/**
 * Fulfilment records as the associate sees them: each pending pick, completion or shipment
 * settled by what the outbox holds of its mutation (`settleFromOutbox`). Read by the
 * repository and by the actions alike.
 */
import {
  actionSeqs,
  settleFromOutbox,
  type ActionOutcome,
  type FulfillmentRecord,
} from '../domain/fulfillment-records.ts';
import type { AisleDb } from './db.ts';

/** What the outbox holds about these records' action seqs. */
async function outcomes(
  db: AisleDb,
  records: readonly FulfillmentRecord[],
): Promise<(seq: number) => ActionOutcome | undefined> {
  const seqs = [...new Set(records.flatMap(actionSeqs))];
  const entries = seqs.length === 0 ? [] : await db.outbox.bulkGet(seqs);
  const bySeq = new Map<number, ActionOutcome>();
  for (const entry of entries) {
    if (entry !== undefined) bySeq.set(entry.seq, { status: entry.status, error: entry.error });
  }
  return (seq) => bySeq.get(seq);
}

/** Records as the associate sees them: their pending actions settled by the outbox's answers. */
export async function settled(
  db: AisleDb,
  records: FulfillmentRecord[],
): Promise<FulfillmentRecord[]> {
  const outcomeOf = await outcomes(db, records);
  return records.map((record) => settleFromOutbox(record, outcomeOf));
}
